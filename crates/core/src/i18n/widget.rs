//! Strings of the embeddable widgets and of the Embed page.

use crate::widget::{Kind, Theme};

pub struct WidgetStrings {
    pub events: &'static str,
    pub news: &'static str,
    pub chart: &'static str,
    pub search: &'static str,
    pub no_news: &'static str,
    pub ignored: &'static str,
    pub new_tab: &'static str,
    pub search_button: &'static str,
    pub from: &'static str,
    pub see_on_site: &'static str,
    // The Embed page.
    pub embed_intro: &'static str,
    pub widget: &'static str,
    pub language: &'static str,
    pub count: &'static str,
    pub count_range: &'static str,
    pub all_areas: &'static str,
    pub theme: &'static str,
    pub themes: [&'static str; 3],
    pub accent: &'static str,
    pub default_accent: &'static str,
    pub compact: &'static str,
    pub dataset: &'static str,
    pub preview: &'static str,
    pub snippet: &'static str,
    pub snippet_help: &'static str,
    pub iframe: &'static str,
    pub iframe_help: &'static str,
    pub oembed: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
}

impl WidgetStrings {
    pub fn kind_title(&self, k: Kind) -> &'static str {
        match k {
            Kind::Events => self.events,
            Kind::News => self.news,
            Kind::Chart => self.chart,
            Kind::Search => self.search,
        }
    }

    pub fn theme_name(&self, t: Theme) -> &'static str {
        self.themes[Theme::ALL.iter().position(|x| *x == t).unwrap_or(0)]
    }
}

pub static ES: WidgetStrings = WidgetStrings {
    events: "Próximos eventos",
    news: "Últimas noticias",
    chart: "Gráfico de datos",
    search: "Buscar en el Observatorio",
    no_news: "No hay noticias con estos filtros.",
    ignored: "Opciones no válidas, se usó el valor por omisión:",
    new_tab: "(se abre en una pestaña nueva)",
    search_button: "Buscar",
    from: "Observatorio de Compras Públicas · Alianza del Pacífico",
    see_on_site: "Ver en el Observatorio",
    embed_intro: "Muestre eventos, noticias, un gráfico o una caja de búsqueda del Observatorio en el sitio de su institución. Elija el widget y sus opciones, mire cómo queda y copie el código. El widget se ajusta a su contenido y no altera la página que lo recibe.",
    widget: "Widget",
    language: "Idioma",
    count: "Número de elementos",
    count_range: "Escriba un número entre 1 y 10.",
    all_areas: "Todas",
    theme: "Tema",
    themes: ["Automático (según el sistema)", "Claro", "Oscuro"],
    accent: "Color de acento",
    default_accent: "Usar el color del Observatorio",
    compact: "Diseño compacto",
    dataset: "Conjunto de datos",
    preview: "Vista previa",
    snippet: "Código para pegar",
    snippet_help: "Pegue este código donde quiera el widget. El script se incluye una vez por página, aunque haya varios widgets; sin JavaScript queda el enlace al Observatorio.",
    iframe: "Solo iframe",
    iframe_help: "Para sitios que no permiten scripts: un iframe de alto fijo (no se ajusta a su contenido).",
    oembed: "Descripción oEmbed",
    copy: "Copiar",
    copied: "Copiado",
    copy_failed: "No se pudo copiar: seleccione el texto y cópielo.",
};

pub static EN: WidgetStrings = WidgetStrings {
    events: "Upcoming events",
    news: "Latest news",
    chart: "Data chart",
    search: "Search the Observatory",
    no_news: "No news with these filters.",
    ignored: "Invalid options, the default was used:",
    new_tab: "(opens in a new tab)",
    search_button: "Search",
    from: "Public Procurement Observatory · Pacific Alliance",
    see_on_site: "See it on the Observatory",
    embed_intro: "Show the Observatory's events, news, a chart or a search box on your institution's site. Choose the widget and its options, see how it looks and copy the code. The widget sizes itself to its content and leaves the host page untouched.",
    widget: "Widget",
    language: "Language",
    count: "Number of items",
    count_range: "Type a number from 1 to 10.",
    all_areas: "All",
    theme: "Theme",
    themes: ["Automatic (follows the system)", "Light", "Dark"],
    accent: "Accent colour",
    default_accent: "Use the Observatory's colour",
    compact: "Compact layout",
    dataset: "Dataset",
    preview: "Preview",
    snippet: "Code to paste",
    snippet_help: "Paste this code where the widget should appear. The script is included once per page, however many widgets it has; without JavaScript the link to the Observatory remains.",
    iframe: "Iframe only",
    iframe_help: "For sites that allow no scripts: an iframe of fixed height (it does not size itself).",
    oembed: "oEmbed description",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Could not copy: select the text and copy it.",
};
