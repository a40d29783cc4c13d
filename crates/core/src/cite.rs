//! Citations readers can copy: author, year, title, publisher and link, in the reader's language.

use crate::i18n::format_partial_date;
use crate::lang::Lang;
use crate::model::Document;

/// "Author (2019). Title. Observatory name. https://…" — an APA-like form that survives plain text.
pub fn citation(doc: &Document, lang: Lang, publisher: &str, page_url: &str) -> String {
    let date = if doc.date.month.is_some() { format_partial_date(lang, &doc.date) } else { doc.date.year.to_string() };
    let link = doc.url.as_ref().map(|u| u.as_str()).unwrap_or(page_url);
    let title = doc.title.get(lang).trim_end_matches('.');
    let mut out = format!("{} ({date}). {title}. {publisher}.", doc.author.name.get(lang).trim_end_matches('.'));
    if !link.is_empty() {
        out.push(' ');
        out.push_str(link);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_file, Document};

    #[test]
    fn cites_with_year_or_month_and_a_link() {
        let text = include_str!("../../../public/content/documents.json");
        let docs = parse_file::<Document>(text).unwrap().items;
        let lima = docs.iter().find(|d| d.id == "lima-declaration-2019").unwrap();
        assert_eq!(
            citation(lima, Lang::Es, "Observatorio de Compras Públicas de la Alianza del Pacífico", "https://example.org/es/documents/lima-declaration-2019"),
            "Gobiernos de Chile, Colombia, México y Perú (julio de 2019). Declaración de Lima. Observatorio de Compras Públicas de la Alianza del Pacífico. https://example.org/es/documents/lima-declaration-2019"
        );
        let guide = docs.iter().find(|d| d.id == "sample-supplier-guide").unwrap();
        let c = citation(guide, Lang::En, "Observatory", "");
        assert!(c.starts_with("Public Procurement Committee (sample) (June 2024). Sample: A guide"), "{c}");
        assert!(c.ends_with("https://example.org/observatorio/guia-proveedores.pdf"));
    }
}
