//! Each indicator's methodology, in both languages: definition (the explanation), formula,
//! threshold and its default, the processes it leaves out and why (the same `Reason`s the code
//! uses), reference and limitations. Shown at `?methodology=<indicator id>`.

use super::indicators::Reason;
use crate::lang::Lang;

pub struct Method {
    pub id: &'static str,
    /// (Spanish, English) of each part.
    pub formula: (&'static str, &'static str),
    pub threshold: Option<(&'static str, &'static str)>,
    /// The reasons that can leave a process out of it.
    pub exclusions: &'static [Reason],
    pub reference: (&'static str, &'static str),
    /// A public page for the reference (http or https).
    pub reference_url: Option<&'static str>,
    pub limitations: (&'static str, &'static str),
}

const CARDINAL: &str = "https://cardinal.readthedocs.io/en/latest/cli/indicators/";
const OCP_GUIDE: &str = "https://www.open-contracting.org/resources/red-flags-in-public-procurement-a-guide-to-using-data-to-detect-and-mitigate-risks/";

use Reason::*;

pub const METHODS: [Method; 14] = [
    Method {
        id: "close-bid",
        formula: ("Por proceso: (segunda oferta válida más baja − oferta ganadora) ÷ oferta ganadora. Se marca si es menor o igual que Q1 − 1,5·RIC de esas diferencias entre los procesos mostrados (cuartiles de tipo 8 de Hyndman y Fan, como Cardinal).", "Per process: (second-lowest valid bid − winning bid) ÷ winning bid. Flagged when at most Q1 − 1.5·IQR of those differences among the processes shown (Hyndman and Fan's type 8 quartiles, as Cardinal)."),
        threshold: Some(("La cerca inferior calculada; no se marca nada si Q1 o la cerca no son mayores que 0.", "The computed lower fence; nothing is flagged unless Q1 and the fence are above 0.")),
        exclusions: &[NoComparableBids],
        reference: ("Cardinal, R024 (precio cercano a la oferta ganadora).", "Cardinal, R024 (price close to winning bid)."),
        reference_url: Some(CARDINAL),
        limitations: ("Requiere una sola adjudicación activa a un solo proveedor, ofertas de un solo oferente y que gane la más baja (adjudicación por precio); las ofertas en otra moneda que la ganadora no se comparan.", "It needs one active award to one supplier, bids of one tenderer each, and the lowest bid winning (price-only award); bids in another currency than the winner's are not compared."),
    },
    Method {
        id: "discounted-bid",
        formula: ("La misma diferencia que R024; se marca si es mayor o igual que Q3 + 1,5·RIC.", "The same difference as R024; flagged when at least Q3 + 1.5·IQR."),
        threshold: Some(("La cerca superior calculada; no se marca nada si no es mayor que 0.", "The computed upper fence; nothing is flagged unless it is above 0.")),
        exclusions: &[NoComparableBids],
        reference: ("Cardinal, R058 (oferta con gran descuento).", "Cardinal, R058 (heavily discounted bid)."),
        reference_url: Some(CARDINAL),
        limitations: ("Las mismas que R024; con pocos procesos comparables los cuartiles dicen poco.", "Those of R024; with few comparable processes the quartiles say little."),
    },
    Method {
        id: "procedure-mix",
        formula: ("Número de procesos y suma del valor estimado (si falta, el contratado) por modalidad, cada moneda por separado.", "Number of processes and sum of the estimated value (else the contracted one) per method, each currency on its own."),
        threshold: None,
        exclusions: &[NoMethod],
        reference: ("Guía de banderas rojas de Open Contracting Partnership (uso de modalidades no competitivas).", "Open Contracting Partnership's red flags guide (use of non-competitive methods)."),
        reference_url: Some(OCP_GUIDE),
        limitations: ("Cada país asigna sus modalidades locales a las cuatro categorías de OCDS a su manera; la asignación se lee del dato publicado, o del nombre local cuando el código falta.", "Each country maps its local methods to OCDS's four categories its own way; the mapping is read from the published code, or from the local name when the code is missing."),
    },
    Method {
        id: "competitive-share",
        formula: ("Procesos con modalidad abierta o selectiva ÷ procesos con modalidad publicada.", "Processes with an open or selective method ÷ processes with a published method."),
        threshold: None,
        exclusions: &[NoMethod, ContradictoryMethod],
        reference: ("Guía de banderas rojas de Open Contracting Partnership.", "Open Contracting Partnership's red flags guide."),
        reference_url: Some(OCP_GUIDE),
        limitations: ("Una modalidad competitiva en papel puede no serlo en la práctica: véase la oferta única.", "A method competitive on paper may not be so in practice: see the single bid."),
    },
    Method {
        id: "single-bid",
        formula: ("Procesos competitivos con exactamente un oferente ÷ procesos competitivos con número de oferentes publicado. Oferentes: numberOfTenderers, si falta la lista de oferentes, si falta los oferentes distintos de las ofertas.", "Competitive processes with exactly one tenderer ÷ competitive processes with a published number of tenderers. Tenderers: numberOfTenderers, else the tenderers listed, else the distinct tenderers of the bids."),
        threshold: None,
        exclusions: &[NoMethod, ContradictoryMethod, NotCompetitive, NoTenderers],
        reference: ("Cardinal, R018 (oferta única recibida).", "Cardinal, R018 (single bid received)."),
        reference_url: Some(CARDINAL),
        limitations: ("Algunos sistemas publican el número de oferentes solo para parte de sus procesos: la cobertura lo dice.", "Some systems publish the number of tenderers for part of their processes only: the coverage says so."),
    },
    Method {
        id: "bidders",
        formula: ("Media y mediana del número de oferentes de los procesos competitivos que lo publican.", "Mean and median of the number of tenderers of the competitive processes that publish it."),
        threshold: None,
        exclusions: &[NoMethod, ContradictoryMethod, NotCompetitive, NoTenderers],
        reference: ("Guía de banderas rojas de Open Contracting Partnership (baja competencia).", "Open Contracting Partnership's red flags guide (low competition)."),
        reference_url: Some(OCP_GUIDE),
        limitations: ("Unos pocos procesos con muchos oferentes elevan la media: la mediana lo corrige.", "A few processes with many tenderers raise the mean: the median corrects for it."),
    },
    Method {
        id: "short-submission",
        formula: ("Licitaciones abiertas cuyo plazo de ofertas (cierre − inicio, en días) es menor que el umbral ÷ licitaciones abiertas con plazo publicado.", "Open tenders whose tender period (end − start, in days) is under the threshold ÷ open tenders with a published period."),
        threshold: Some(("15 días por omisión (el de Cardinal); se elige en los filtros, de 1 a 365, y queda en la URL.", "15 days by default (Cardinal's); chosen in the filters, 1 to 365, and kept in the URL.")),
        exclusions: &[NoMethod, ContradictoryMethod, NotOpen, NoTenderPeriod, ZeroLengthPeriod, PeriodEndsBeforeStart],
        reference: ("Cardinal, R003 (plazo de presentación de ofertas corto).", "Cardinal, R003 (short submission period)."),
        reference_url: Some(CARDINAL),
        limitations: ("Los plazos legales mínimos difieren entre países y modalidades: un mismo umbral no significa lo mismo en todos.", "Legal minimum periods differ between countries and methods: one threshold does not mean the same everywhere."),
    },
    Method {
        id: "tendering-period",
        formula: ("Media y mediana de (cierre − inicio del plazo de ofertas), en días, de todos los procesos que lo publican.", "Mean and median of (tender period end − start), in days, over every process that publishes it."),
        threshold: None,
        exclusions: &[NoTenderPeriod, ZeroLengthPeriod, PeriodEndsBeforeStart],
        reference: ("Guía de banderas rojas de Open Contracting Partnership.", "Open Contracting Partnership's red flags guide."),
        reference_url: Some(OCP_GUIDE),
        limitations: ("Un plazo de cero días (inicio y cierre en el mismo instante) es un dato de relleno, no un plazo: se deja fuera y se cuenta.", "A zero-day period (start and end at the same instant) is a placeholder, not a period: it is left out and counted."),
    },
    Method {
        id: "decision-period",
        formula: ("Primera fecha de adjudicación − cierre del plazo de ofertas, en días; casos atípicos por la regla del rango intercuartílico (debajo de Q1 − 1,5·RIC o encima de Q3 + 1,5·RIC).", "First award date − tender period end, in days; outliers by the interquartile rule (below Q1 − 1.5·IQR or above Q3 + 1.5·IQR)."),
        threshold: Some(("1,5 veces el rango intercuartílico (la regla de Tukey).", "1.5 times the interquartile range (Tukey's rule).")),
        exclusions: &[NoTenderPeriod, NoAwardDate, AwardBeforeTenderEnd],
        reference: ("Guía de banderas rojas de Open Contracting Partnership (plazos de evaluación).", "Open Contracting Partnership's red flags guide (evaluation periods)."),
        reference_url: Some(OCP_GUIDE),
        limitations: ("Una adjudicación fechada antes del cierre indica un dato erróneo y se deja fuera.", "An award dated before the tender closed points to wrong data and is left out."),
    },
    Method {
        id: "award-to-signature",
        formula: ("Primera firma de contrato − primera adjudicación, en días: media y mediana.", "First contract signature − first award, in days: mean and median."),
        threshold: None,
        exclusions: &[NoAwardDate, NoSignature, SignedBeforeAward],
        reference: ("Guía de banderas rojas de Open Contracting Partnership.", "Open Contracting Partnership's red flags guide."),
        reference_url: Some(OCP_GUIDE),
        limitations: ("Algunos sistemas publican la firma solo cuando el contrato se registra aparte.", "Some systems publish the signature only when the contract is registered separately."),
    },
    Method {
        id: "contracted-vs-estimated",
        formula: ("Valor contratado ÷ valor estimado, cuando ambos están en la misma moneda: media y mediana.", "Contracted value ÷ estimated value, when both are in the same currency: mean and median."),
        threshold: None,
        exclusions: &[NoValue, ZeroValue, OtherCurrency],
        reference: ("Guía de banderas rojas de Open Contracting Partnership (diferencias de precio).", "Open Contracting Partnership's red flags guide (price differences)."),
        reference_url: Some(OCP_GUIDE),
        limitations: ("Un valor estimado 0 significa «no publicado» y se deja fuera; los valores nunca se convierten entre monedas.", "An estimated value of 0 means \"not published\" and is left out; values are never converted between currencies."),
    },
    Method {
        id: "buyer-non-competitive",
        formula: ("Por comprador: procesos no competitivos (limitados o directos) ÷ sus procesos con modalidad publicada.", "Per buyer: non-competitive (limited or direct) processes ÷ its processes with a published method."),
        threshold: None,
        exclusions: &[NoBuyer, NoMethod, ContradictoryMethod],
        reference: ("Guía de banderas rojas de Open Contracting Partnership.", "Open Contracting Partnership's red flags guide."),
        reference_url: Some(OCP_GUIDE),
        limitations: ("La contratación directa es legal en muchos casos (montos menores, emergencias): una cifra alta pide explicación, no prueba una falta.", "Direct contracting is lawful in many cases (small amounts, emergencies): a high figure asks for an explanation, it does not prove wrongdoing."),
    },
    Method {
        id: "supplier-concentration",
        formula: ("Por comprador y moneda: valor adjudicado a sus 3 proveedores principales ÷ su valor adjudicado (un valor adjudicado a varios a la vez se reparte a partes iguales). Los perfiles dan además el índice HHI: suma de los cuadrados de las partes en porcentaje.", "Per buyer and currency: value awarded to its top 3 suppliers ÷ its awarded value (a value awarded to several at once is split evenly). Profiles also give the HHI: the sum of the squared shares in percent."),
        threshold: Some(("3 proveedores; en el HHI, más de 1.800 es concentración alta (directrices de fusiones de EE. UU., 2023).", "3 suppliers; for the HHI, above 1,800 is highly concentrated (US Merger Guidelines, 2023).")),
        exclusions: &[NoBuyer, NoValue, NoSupplier],
        reference: ("Guía de banderas rojas de Open Contracting Partnership (concentración de proveedores).", "Open Contracting Partnership's red flags guide (supplier concentration)."),
        reference_url: Some(OCP_GUIDE),
        limitations: ("Un comprador con pocas compras tiene una concentración alta por fuerza; un proveedor sin identificador se reconoce por su nombre normalizado.", "A buyer with few purchases is bound to be concentrated; a supplier with no identifier is matched by its normalised name."),
    },
    Method {
        id: "missing-fields",
        formula: ("Por dato clave: procesos que no lo publican.", "Per key field: processes that do not publish it."),
        threshold: None,
        exclusions: &[],
        reference: ("Open Contracting Data Standard, esquema de publicación.", "Open Contracting Data Standard, release schema."),
        reference_url: Some("https://standard.open-contracting.org/latest/en/schema/"),
        limitations: ("Un dato publicado vacío o con un valor de relleno cuenta como publicado aquí; los indicadores lo detectan cuando lo usan.", "A field published empty or with a placeholder counts as published here; the indicators detect it when they use it."),
    },
];

pub fn of(id: &str) -> Option<&'static Method> {
    METHODS.iter().find(|m| m.id == id)
}

/// A pair's text in a language.
pub fn pick(pair: (&'static str, &'static str), l: Lang) -> &'static str {
    if l == Lang::Es {
        pair.0
    } else {
        pair.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocds::explain::EXPLANATIONS;

    #[test]
    fn every_indicator_has_its_methodology_in_both_languages() {
        for (id, _, _) in EXPLANATIONS {
            let m = of(id).unwrap_or_else(|| panic!("{id}"));
            for pair in [m.formula, m.reference, m.limitations] {
                assert!(pair.0 != pair.1 && pair.0.len() > 20, "{id}");
            }
            assert!(m.reference_url.is_none_or(|u| u.starts_with("https://")));
        }
        assert!(of("short-submission").unwrap().threshold.unwrap().0.contains("15 días"));
        assert!(of("short-submission").unwrap().exclusions.contains(&Reason::ZeroLengthPeriod));
        assert!(of("nope").is_none());
    }
}
