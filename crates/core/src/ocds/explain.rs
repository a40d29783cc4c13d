//! Each indicator in plain language, in Spanish and English, for the indicators page.

/// (indicator id, Spanish, English).
pub const EXPLANATIONS: [(&str, &str, &str); 14] = [
    ("close-bid",
     "Procesos en que la segunda oferta más baja queda muy cerca de la ganadora: la diferencia (segunda − ganadora) ÷ ganadora es un valor atípico bajo entre los procesos mostrados. Una oferta casi igual a la ganadora puede simular competencia entre empresas coludidas. R024 es su código en Cardinal (Open Contracting Partnership); solo se muestra cuando los datos publican ofertas con valor y la adjudicación.",
     "Processes where the second-lowest bid is very close to the winning one: the difference (second − winner) ÷ winner is a low outlier among the processes shown. A bid nearly equal to the winner's can fake competition between colluding companies. R024 is its code in Cardinal (Open Contracting Partnership); shown only when the data publishes bids with values and the award."),
    ("discounted-bid",
     "Procesos en que la oferta ganadora es mucho más baja que la siguiente: la diferencia (segunda − ganadora) ÷ ganadora es un valor atípico alto. Un precio muy por debajo del resto puede anunciar una entrega de menor calidad. R058 es su código en Cardinal; solo se muestra cuando los datos publican ofertas con valor y la adjudicación.",
     "Processes where the winning bid is far below the next one: the difference (second − winner) ÷ winner is a high outlier. A price far below the rest can announce a delivery of lower quality. R058 is its code in Cardinal; shown only when the data publishes bids with values and the award."),
    ("procedure-mix",
     "Cuántos procesos usó cada modalidad de contratación (abierta, selectiva, limitada, directa) y cuánto valor movió cada una. Se muestra también el nombre que le da cada país, porque la misma modalidad se llama distinto en cada sistema.",
     "How many processes used each procurement method (open, selective, limited, direct) and how much value each moved. Each country's own name for the method is shown too, since the same method has different names in each system."),
    ("competitive-share",
     "La proporción de procesos que se abrieron a la competencia (licitación abierta o selectiva). Cuanto más alta, más empresas pudieron, en principio, ofertar.",
     "The share of processes open to competition (open or selective tendering). The higher it is, the more companies could, in principle, bid."),
    ("single-bid",
     "Entre los procesos competitivos, cuántos recibieron una sola oferta. Una competencia que se abre pero no atrae a nadie más puede indicar requisitos a la medida o poca difusión. R018 es el código de esta señal en Cardinal, la metodología de indicadores de riesgo de Open Contracting Partnership, cuya definición sigue esta cifra.",
     "Among competitive processes, how many received a single bid. Competition that is opened but attracts nobody else can point to tailored requirements or poor publicity. R018 is this red flag's code in Cardinal, Open Contracting Partnership's methodology of risk indicators, whose definition this figure follows."),
    ("bidders",
     "El número medio y mediano de oferentes en los procesos competitivos. La mediana es el valor del proceso del medio: no la mueven unos pocos procesos muy concurridos.",
     "The mean and median number of bidders in competitive processes. The median is the middle process's value: a few very crowded processes do not move it."),
    ("short-submission",
     "Licitaciones abiertas cuyo plazo para presentar ofertas fue más corto que el umbral elegido (15 días por omisión). Un plazo muy corto deja fuera a quien no sabía de antemano del proceso. R003 es su código en Cardinal (Open Contracting Partnership).",
     "Open tenders whose deadline for bids was shorter than the chosen threshold (15 days by default). A very short period leaves out whoever did not know of the process in advance. R003 is its code in Cardinal (Open Contracting Partnership)."),
    ("tendering-period",
     "Cuántos días estuvo abierto, en promedio, el plazo de presentación de ofertas, de la fecha de inicio a la de cierre. Los plazos que empiezan y terminan en el mismo instante son datos de relleno, no plazos de cero días: se dejan fuera y se cuentan aparte.",
     "How many days, on average, the bidding period was open, from its start date to its closing date. Periods that start and end at the same instant are placeholders, not periods of zero days: they are left out and counted apart."),
    ("decision-period",
     "Los días entre el cierre de ofertas y la primera adjudicación. Los casos muy alejados del resto (fuera de 1,5 veces el rango intercuartílico) se señalan para revisarlos, no como falta.",
     "The days between the bid deadline and the first award. Cases far from the rest (beyond 1.5 times the interquartile range) are flagged for review, not as wrongdoing."),
    ("award-to-signature",
     "Los días entre la adjudicación y la firma del contrato. Demoras largas retrasan la entrega; firmas antes de la adjudicación indican datos incoherentes y se dejan fuera.",
     "The days between the award and the contract's signature. Long delays hold up delivery; signatures before the award point to inconsistent data and are left out."),
    ("contracted-vs-estimated",
     "El valor contratado dividido por el valor estimado al licitar, en la misma moneda. Un 1,0 es lo previsto; por encima, el contrato costó más de lo estimado.",
     "The contracted value divided by the value estimated when tendering, in the same currency. 1.0 is as planned; above it, the contract cost more than estimated."),
    ("buyer-non-competitive",
     "Para cada comprador, qué parte de sus procesos usó modalidades no competitivas (limitada o directa). Son legales en muchos casos; un uso muy alto merece una mirada.",
     "For each buyer, the part of its processes that used non-competitive methods (limited or direct). They are lawful in many cases; very high use deserves a look."),
    ("supplier-concentration",
     "Para cada comprador, qué parte del valor adjudicado se llevaron sus proveedores principales. Una concentración alta puede deberse a un mercado pequeño o a falta de competencia.",
     "For each buyer, the part of the awarded value its top suppliers received. High concentration can come from a small market or from a lack of competition."),
    ("missing-fields",
     "Cuántos procesos no publican cada dato clave. Sin esos datos los indicadores no se pueden calcular: por eso cada cifra dice cuántos procesos pudo usar.",
     "How many processes do not publish each key field. Without those fields the indicators cannot be computed: that is why every figure says how many processes it could use."),
];

/// Every code and field the page shows, in words: (term as shown, Spanish, English). The
/// page's glossary lists them; `KEY_FIELDS`' paths are all here (a test checks it).
pub const GLOSSARY: [(&str, &str, &str); 22] = [
    ("R024",
     "Código de Cardinal para el precio cercano a la oferta ganadora (posible colusión).",
     "Cardinal's code for a price close to the winning bid (possible collusion)."),
    ("R058",
     "Código de Cardinal para la oferta ganadora con gran descuento frente a la siguiente.",
     "Cardinal's code for a winning bid heavily discounted against the next one."),
    ("OCDS",
     "Estándar de Datos de Contrataciones Abiertas: el formato común en que los sistemas de compras publican cada proceso, de la planificación al contrato. Lo mantiene Open Contracting Partnership.",
     "Open Contracting Data Standard: the common format in which procurement systems publish each process, from planning to contract. Maintained by the Open Contracting Partnership."),
    ("ocid",
     "Identificador único de un proceso de contratación en OCDS; empieza por el prefijo del publicador (ocds-70d2nz- es ChileCompra).",
     "The unique identifier of a procurement process in OCDS; it starts with the publisher's prefix (ocds-70d2nz- is ChileCompra)."),
    ("buyer",
     "Comprador: la entidad pública que compra y paga (un ministerio, un hospital, un municipio).",
     "Buyer: the public body that buys and pays (a ministry, a hospital, a municipality)."),
    ("tender.procurementMethod",
     "Modalidad de contratación, en una de las cuatro categorías comunes de OCDS; cada país la llama a su manera (su nombre local se muestra al lado).",
     "The procurement method, in one of OCDS's four common categories; each country names it its own way (its local name is shown beside it)."),
    ("open",
     "Abierta: cualquier empresa interesada puede presentar una oferta (licitación pública).",
     "Open: any interested company may submit a bid (public tender)."),
    ("selective",
     "Selectiva: solo pueden ofertar las empresas que cumplen requisitos previos o fueron preseleccionadas.",
     "Selective: only companies that meet prior requirements or were shortlisted may bid."),
    ("limited",
     "Limitada: el comprador invita a unas pocas empresas de su elección.",
     "Limited: the buyer invites a few companies of its choice."),
    ("direct",
     "Directa: el comprador contrata con una empresa sin competencia (adjudicación o contratación directa).",
     "Direct: the buyer contracts one company without competition (direct award)."),
    ("tender.value",
     "Valor estimado del proceso antes de las ofertas, en la moneda que publica el país.",
     "The estimated value of the process before the bids, in the currency the country publishes."),
    ("tender.tenderPeriod",
     "Plazo de ofertas: de la fecha en que se pueden presentar ofertas a la fecha de cierre.",
     "Tender period: from the date bids may be submitted to the closing date."),
    ("tender.numberOfTenderers",
     "Número de oferentes: cuántas empresas presentaron oferta.",
     "Number of tenderers: how many companies submitted a bid."),
    ("awards.date",
     "Fecha de adjudicación: cuándo el comprador eligió al proveedor.",
     "Award date: when the buyer chose the supplier."),
    ("awards.suppliers",
     "Proveedores adjudicados: las empresas o personas que ganaron el proceso. Se reconocen por su identificador cuando el dato lo trae, si no por su nombre normalizado (mayúsculas, espacios).",
     "Awarded suppliers: the companies or people who won the process. They are matched by identifier when the data has one, else by their normalised name (case, spaces)."),
    ("contracts.dateSigned",
     "Fecha de firma del contrato.",
     "The date the contract was signed."),
    ("R003",
     "Código de Cardinal (metodología de señales de riesgo de Open Contracting Partnership) para el plazo de ofertas corto en licitaciones abiertas.",
     "Cardinal's code (the Open Contracting Partnership's red-flag methodology) for a short submission period in open tenders."),
    ("R018",
     "Código de Cardinal para la oferta única: un proceso competitivo que recibió una sola oferta.",
     "Cardinal's code for a single bid: a competitive process that received only one bid."),
    ("%",
     "Proporción de los procesos en que se basa la cifra (no de todos): entre paréntesis, cuántos son.",
     "A share of the processes the figure rests on (not of all): in brackets, how many they are."),
    ("(n)",
     "Entre paréntesis tras una cifra: cuántos procesos tenían los datos para calcularla.",
     "In brackets after a figure: how many processes had the data to compute it."),
    ("\u{FFFD}",
     "Carácter dañado: el texto perdió letras (tildes, eñes) por una codificación equivocada antes de publicarse. Se muestra tal como se publicó.",
     "A damaged character: the text lost letters (accents, ñ) to a wrong encoding before it was published. It is shown as published."),
    ("CLP, COP, MXN, PEN",
     "Pesos chilenos, pesos colombianos, pesos mexicanos y soles peruanos (códigos ISO 4217). Los valores nunca se suman entre monedas.",
     "Chilean pesos, Colombian pesos, Mexican pesos and Peruvian soles (ISO 4217 codes). Values are never summed across currencies."),
];

/// A glossary entry's text in a language.
pub fn term(entry: &(&'static str, &'static str, &'static str), lang: crate::lang::Lang) -> &'static str {
    if lang == crate::lang::Lang::Es {
        entry.1
    } else {
        entry.2
    }
}

/// The explanation of an indicator in a language.
pub fn explain(id: &str, lang: crate::lang::Lang) -> Option<&'static str> {
    EXPLANATIONS.iter().find(|e| e.0 == id).map(|e| if lang == crate::lang::Lang::Es { e.1 } else { e.2 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn every_indicator_is_explained_in_both_languages() {
        let mut ids: Vec<&str> = EXPLANATIONS.iter().map(|e| e.0).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), EXPLANATIONS.len());
        for (id, es, en) in EXPLANATIONS {
            assert!(es.len() > 80 && en.len() > 80, "{id}");
            assert_ne!(es, en);
        }
        assert!(explain("single-bid", Lang::En).unwrap().contains("single bid"));
        // Every code a heading shows is explained in words, in both languages.
        for (id, code) in [("single-bid", "R018"), ("short-submission", "R003")] {
            for l in [Lang::Es, Lang::En] {
                let text = explain(id, l).unwrap();
                assert!(text.contains(code) && text.contains("Cardinal"), "{id} {l:?}");
            }
        }
        assert_eq!(explain("nope", Lang::Es), None);
        // Every field path the page shows has its entry.
        for (f, _) in crate::ocds::indicators::KEY_FIELDS {
            assert!(GLOSSARY.iter().any(|g| g.0 == f), "{f}");
        }
        for m in ["open", "selective", "limited", "direct", "R003", "R018", "ocid"] {
            assert!(GLOSSARY.iter().any(|g| g.0 == m), "{m}");
        }
        for g in GLOSSARY {
            assert!(term(&g, Lang::Es) != term(&g, Lang::En) && g.1.len() > 20, "{}", g.0);
        }
    }
}
