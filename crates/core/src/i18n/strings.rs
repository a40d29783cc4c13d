//! Interface strings. One struct, one constant per language: a missing translation is a compile
//! error, not a blank on screen.

use crate::model::{AuthorKind, Country, DocKind, EventFormat, LinkKind};

pub struct Strings {
    pub site_name: &'static str,
    pub short_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub menu: &'static str,
    pub home: &'static str,
    pub topics: &'static str,
    pub news: &'static str,
    pub documents: &'static str,
    pub events: &'static str,
    pub data: &'static str,
    pub about: &'static str,
    /// The indicators' section (navigation).
    pub indicators: &'static str,
    /// The Embed page's name (footer link, title).
    pub embed: &'static str,
    pub switch_to: &'static str,
    pub switch_label: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub chunk_failed: &'static str,
    pub new_version: &'static str,
    pub reload: &'static str,
    /// Reading offline: the offline page (`offline`) and the keep button of items' pages.
    /// The installed app's name under its icon (a dozen letters at most).
    pub app_short_name: &'static str,
    pub offline_title: &'static str,
    pub offline_unvisited: &'static str,
    pub offline_heading: &'static str,
    pub offline_intro: &'static str,
    pub offline_kept: &'static str,
    pub offline_visited: &'static str,
    pub offline_none_kept: &'static str,
    pub offline_none_visited: &'static str,
    pub offline_unsupported: &'static str,
    pub offline_remove: &'static str,
    pub keep_offline: &'static str,
    pub kept_offline: &'static str,
    pub keep_failed: &'static str,
    /// Above a static page whose content could not be loaded again when the app started.
    pub stale_view: &'static str,
    /// Shown when the app could not start (or has not after a long wait): the static page works.
    pub app_unavailable: &'static str,
    /// The comment form, when the browser refuses to store the draft.
    pub form_draft_unsaved: &'static str,
    pub error_details: &'static str,
    pub skipped_items: &'static str,
    pub sample: &'static str,
    pub sample_note: &'static str,
    pub latest_news: &'static str,
    pub all_news: &'static str,
    pub upcoming_events: &'static str,
    pub recent_events: &'static str,
    pub all_events: &'static str,
    pub key_figures: &'static str,
    pub all_data: &'static str,
    pub thematic_areas: &'static str,
    pub no_upcoming: &'static str,
    pub past_events: &'static str,
    pub filter_country: &'static str,
    pub filter_year: &'static str,
    pub filter_topic: &'static str,
    pub filter_type: &'static str,
    pub filter_author: &'static str,
    pub filter_all: &'static str,
    pub filters: &'static str,
    pub clear_filters: &'static str,
    pub results: &'static str,
    pub no_results: &'static str,
    pub ignored_filters: &'static str,
    pub read_more: &'static str,
    pub back_to_news: &'static str,
    pub back_to_documents: &'static str,
    pub back_to_events: &'static str,
    pub back_to_data: &'static str,
    pub back_to_topics: &'static str,
    pub country: &'static str,
    pub download: &'static str,
    pub no_download: &'static str,
    pub citation: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub author: &'static str,
    pub date: &'static str,
    pub when: &'static str,
    pub where_: &'static str,
    pub format: &'static str,
    pub format_unknown: &'static str,
    pub organizer: &'static str,
    pub how_to_take_part: &'static str,
    pub recordings: &'static str,
    pub links: &'static str,
    pub upcoming: &'static str,
    pub past: &'static str,
    pub source: &'static str,
    pub notes: &'static str,
    pub year: &'static str,
    pub not_stated: &'static str,
    pub at_least: &'static str,
    pub related_news: &'static str,
    pub related_documents: &'static str,
    pub related_events: &'static str,
    pub related_data: &'static str,
    pub nothing_tagged: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub not_found_item: &'static str,
    pub go_home: &'static str,
    pub footer_note: &'static str,
    pub footer_content: &'static str,
    pub external: &'static str,
    pub new_tab: &'static str,
    pub time_zone: &'static str,
    pub intro_description: &'static str,
    /// Under a page rendered at build time, for readers without JavaScript.
    pub no_js_static: &'static str,
    pub view_table: &'static str,
    pub view_chart: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub permalink: &'static str,
    pub summary_label: &'static str,
    pub legend: &'static str,
    pub chart_hint: &'static str,
    pub view_agenda: &'static str,
    pub view_month: &'static str,
    pub calendar_view: &'static str,
    pub prev_month: &'static str,
    pub next_month: &'static str,
    pub this_month: &'static str,
    pub no_events_day: &'static str,
    pub no_events_month: &'static str,
    pub choose_day: &'static str,
    pub grid_hint: &'static str,
    pub event_one: &'static str,
    pub event_many: &'static str,
    pub filter_format: &'static str,
    pub filter_organizer: &'static str,
    pub times_title: &'static str,
    pub your_time: &'static str,
    pub starts: &'static str,
    pub ends: &'static str,
    pub zone_unknown: &'static str,
    pub all_day_note: &'static str,
    pub add_to_calendar: &'static str,
    pub download_ics: &'static str,
    pub google_calendar: &'static str,
    pub subscribe: &'static str,
    pub all_countries: &'static str,
    pub comment_title: &'static str,
    pub form_name: &'static str,
    pub form_email: &'static str,
    pub form_message: &'static str,
    pub form_send: &'static str,
    pub form_sending: &'static str,
    pub form_sent: &'static str,
    pub form_failed: &'static str,
    pub form_or_email: &'static str,
    pub form_draft: &'static str,
    pub form_via: &'static str,
    pub form_by_email: &'static str,
    pub form_email_only: &'static str,
    pub form_honeypot: &'static str,
    pub form_err_empty: &'static str,
    pub form_err_long: &'static str,
    pub form_err_name: &'static str,
    pub form_err_email: &'static str,
    pub form_new: &'static str,
    pub characters: &'static str,
    pub write_to: &'static str,
    pub show_more: &'static str,
    pub subscribe_news: &'static str,
    pub search: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_all: &'static str,
    pub search_none: &'static str,
    pub did_you_mean: &'static str,
    pub latest_items: &'static str,
    pub search_empty: &'static str,
    pub search_partial: &'static str,
    pub search_unavailable: &'static str,
    pub search_item_failed: &'static str,
    pub search_suggestions: &'static str,
    pub filter_kind: &'static str,
    pub kind_news: &'static str,
    pub kind_document: &'static str,
    pub kind_event: &'static str,
    pub kind_topic: &'static str,
    pub kind_dataset: &'static str,
    pub kind_contracting: &'static str,
    pub kind_tool: &'static str,
    pub partial_match: &'static str,
    pub weekdays_short: [&'static str; 7],
    pub weekdays: [&'static str; 7],
}

pub static ES: Strings = Strings {
    site_name: "Observatorio de Compras Públicas de la Alianza del Pacífico",
    short_name: "Observatorio de Compras Públicas",
    skip_to_content: "Saltar al contenido",
    nav_label: "Secciones",
    menu: "Menú",
    home: "Inicio",
    topics: "Áreas temáticas",
    news: "Noticias",
    documents: "Documentos",
    events: "Eventos",
    data: "Datos",
    about: "Acerca de",
    indicators: "Indicadores",
    embed: "Insertar en su sitio",
    switch_to: "English",
    switch_label: "Read this page in English",
    loading: "Cargando…",
    retry: "Reintentar",
    chunk_failed: "No se pudo cargar esta parte del sitio. Compruebe su conexión e inténtelo de nuevo.",
    new_version: "Se publicó una nueva versión del sitio. Recargue la página para continuar.",
    reload: "Recargar la página",
    app_short_name: "Observatorio AP",
    offline_title: "Sin conexión",
    offline_unvisited: "Esta página no está guardada en este dispositivo y ahora no hay conexión. Vuelva a intentarlo cuando la tenga, o lea lo que ya está guardado.",
    offline_heading: "Leer sin conexión",
    offline_intro: "Lo que usted guardó y las páginas que visitó en este dispositivo se pueden leer sin conexión.",
    offline_kept: "Guardado por usted",
    offline_visited: "Visitado recientemente",
    offline_none_kept: "Nada guardado todavía. En una noticia, un documento o un evento, use «Guardar para leer sin conexión».",
    offline_none_visited: "Ninguna página guardada todavía.",
    offline_unsupported: "Este navegador no guarda páginas para leer sin conexión.",
    offline_remove: "Quitar",
    keep_offline: "Guardar para leer sin conexión",
    kept_offline: "Guardado para leer sin conexión",
    keep_failed: "No se pudo guardar: no hay conexión o el navegador no lo permite.",
    stale_view: "No se pudo cargar de nuevo el contenido de esta página: se muestra la versión publicada.",
    app_unavailable: "La búsqueda, los filtros y las demás funciones interactivas no están disponibles; esta página se puede leer y sus enlaces funcionan.",
    form_draft_unsaved: "Este navegador no permite guardar el borrador: su texto se conserva solo mientras esta pestaña esté abierta.",
    error_details: "Detalles para el equipo editorial",
    skipped_items: "Elementos no mostrados por errores en el contenido:",
    sample: "Ejemplo",
    sample_note: "Contenido de ejemplo: no es información real.",
    latest_news: "Últimas noticias",
    all_news: "Todas las noticias",
    upcoming_events: "Próximos eventos",
    recent_events: "Eventos recientes",
    all_events: "Todos los eventos",
    key_figures: "Cifras clave",
    all_data: "Todos los datos",
    thematic_areas: "Áreas temáticas",
    no_upcoming: "No hay eventos próximos anunciados.",
    past_events: "Eventos pasados",
    filter_country: "País",
    filter_year: "Año",
    filter_topic: "Área temática",
    filter_type: "Tipo",
    filter_author: "Autoría",
    filter_all: "Todos",
    filters: "Filtros",
    clear_filters: "Quitar filtros",
    results: "resultados",
    no_results: "Ningún elemento coincide con estos filtros.",
    ignored_filters: "Se ignoraron parámetros no válidos en la dirección:",
    read_more: "Leer más",
    back_to_news: "Volver a noticias",
    back_to_documents: "Volver a documentos",
    back_to_events: "Volver a eventos",
    back_to_data: "Volver a datos",
    back_to_topics: "Volver a áreas temáticas",
    country: "País",
    download: "Descargar o consultar",
    no_download: "Todavía no hay un enlace de descarga publicado.",
    citation: "Cómo citar",
    copy: "Copiar cita",
    copied: "Cita copiada",
    copy_failed: "No se pudo copiar: seleccione el texto y cópielo.",
    author: "Autoría",
    date: "Fecha",
    when: "Cuándo",
    where_: "Dónde",
    format: "Modalidad",
    format_unknown: "No indicada",
    organizer: "Organiza",
    how_to_take_part: "Cómo participar",
    recordings: "Grabaciones y materiales",
    links: "Enlaces",
    upcoming: "Próximo",
    past: "Realizado",
    source: "Fuente",
    notes: "Notas",
    year: "Año",
    not_stated: "no indicado",
    at_least: "más de",
    related_news: "Noticias",
    related_documents: "Documentos",
    related_events: "Eventos",
    related_data: "Datos",
    nothing_tagged: "Todavía no hay contenido en esta área.",
    not_found_title: "Página no encontrada",
    not_found_text: "La dirección no corresponde a ninguna página del Observatorio.",
    not_found_item: "No existe ningún elemento con el identificador",
    go_home: "Ir al inicio",
    footer_note: "Una iniciativa del Comité de Compras Públicas de la Alianza del Pacífico: Chile, Colombia, México y Perú.",
    footer_content: "Textos redactados a partir de noticias públicas de la Alianza del Pacífico. Lo marcado como «Ejemplo» no es información real.",
    external: "sitio externo",
    new_tab: "se abre en otra pestaña",
    time_zone: "Zona horaria",
    intro_description: "Conocimiento, noticias, documentos, datos y eventos sobre compras públicas en Chile, Colombia, México y Perú.",
    no_js_static: "Sin JavaScript puede leer esta página y seguir sus enlaces; la búsqueda, los filtros, el calendario y los gráficos necesitan JavaScript.",
    view_table: "Ver como tabla",
    view_chart: "Ver gráfico",
    download_csv: "Descargar CSV",
    download_json: "Descargar JSON",
    permalink: "Enlace permanente",
    summary_label: "En resumen",
    legend: "Leyenda",
    chart_hint: "Toque o recorra con el teclado cada barra o punto para ver su valor.",
    view_agenda: "Agenda",
    view_month: "Mes",
    calendar_view: "Vista",
    prev_month: "Mes anterior",
    next_month: "Mes siguiente",
    this_month: "Hoy",
    no_events_day: "No hay eventos este día.",
    no_events_month: "No hay eventos este mes con estos filtros.",
    choose_day: "Elija un día marcado para ver sus eventos.",
    grid_hint: "Flechas: moverse entre días · Inicio/Fin: semana · Re Pág/Av Pág: mes.",
    event_one: "evento",
    event_many: "eventos",
    filter_format: "Formato",
    filter_organizer: "Organiza",
    times_title: "Horario en cada país",
    your_time: "Su hora",
    starts: "Empieza",
    ends: "Termina",
    zone_unknown: "Su navegador no reconoce la zona horaria de este evento: se indica solo la hora local.",
    all_day_note: "Las fechas son las del lugar del evento.",
    add_to_calendar: "Añadir a su calendario",
    download_ics: "Archivo .ics (Outlook, Apple, Thunderbird)",
    google_calendar: "Google Calendar",
    subscribe: "Suscribirse al calendario (.ics):",
    all_countries: "Todos",
    comment_title: "Envíe sus comentarios",
    form_name: "Nombre (opcional)",
    form_email: "Correo electrónico (opcional, si quiere respuesta)",
    form_message: "Comentario",
    form_send: "Enviar comentario",
    form_sending: "Enviando…",
    form_sent: "Gracias: su comentario fue enviado.",
    form_failed: "No se pudo enviar. Su texto sigue guardado en este navegador: inténtelo de nuevo",
    form_or_email: "o envíelo por correo",
    form_draft: "Su borrador se guarda en este navegador mientras escribe.",
    form_via: "Los comentarios se envían mediante un servicio de formularios externo:",
    form_by_email: "Escribir el correo",
    form_email_only: "Se abrirá su programa de correo con el comentario ya escrito, dirigido a",
    form_honeypot: "No llene este campo",
    form_err_empty: "Escriba su comentario.",
    form_err_long: "El comentario es demasiado largo.",
    form_err_name: "El nombre es demasiado largo.",
    form_err_email: "Revise el correo electrónico (p. ej. ana@ejemplo.org).",
    form_new: "Escribir otro comentario",
    characters: "caracteres",
    write_to: "O escriba a",
    show_more: "Mostrar más",
    subscribe_news: "Suscribirse a las noticias:",
    search: "Buscar",
    search_label: "Buscar en el Observatorio",
    search_placeholder: "Buscar noticias, documentos, eventos…",
    search_all: "Ver todos los resultados",
    search_none: "No encontramos resultados para",
    did_you_mean: "¿Quiso decir",
    latest_items: "Lo más reciente",
    search_empty: "Escriba una o más palabras: sin tildes también funciona.",
    search_partial: "Algunos contenidos no se pudieron cargar; la búsqueda cubre el resto.",
    search_item_failed: "Este resultado no se pudo cargar.",
    search_unavailable: "La búsqueda no está disponible en este momento (no se pudo cargar su índice). Intente de nuevo más tarde o recorra las secciones del menú.",
    search_suggestions: "sugerencias",
    filter_kind: "Tipo",
    kind_news: "Noticia",
    kind_document: "Documento",
    kind_event: "Evento",
    kind_topic: "Área temática",
    kind_dataset: "Datos",
    kind_contracting: "Contrataciones",
    kind_tool: "Herramientas",
    partial_match: "Coinciden solo algunas palabras",
    weekdays_short: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
};

pub static EN: Strings = Strings {
    site_name: "Pacific Alliance Public Procurement Observatory",
    short_name: "Public Procurement Observatory",
    skip_to_content: "Skip to content",
    nav_label: "Sections",
    menu: "Menu",
    home: "Home",
    topics: "Thematic areas",
    news: "News",
    documents: "Documents",
    events: "Events",
    data: "Data",
    about: "About",
    indicators: "Indicators",
    embed: "Embed on your site",
    switch_to: "Español",
    switch_label: "Leer esta página en español",
    loading: "Loading…",
    retry: "Try again",
    chunk_failed: "This part of the site could not be loaded. Check your connection and try again.",
    new_version: "A new version of the site has been published. Reload the page to continue.",
    reload: "Reload the page",
    app_short_name: "PA Observatory",
    offline_title: "You are offline",
    offline_unvisited: "This page is not saved on this device and there is no connection right now. Try again once you are connected, or read what is already saved.",
    offline_heading: "Read offline",
    offline_intro: "What you kept and the pages you visited on this device can be read offline.",
    offline_kept: "Kept by you",
    offline_visited: "Recently visited",
    offline_none_kept: "Nothing kept yet. On a news item, a document or an event, use “Keep for offline reading”.",
    offline_none_visited: "No page saved yet.",
    offline_unsupported: "This browser does not save pages for offline reading.",
    offline_remove: "Remove",
    keep_offline: "Keep for offline reading",
    kept_offline: "Kept for offline reading",
    keep_failed: "Could not keep it: there is no connection or the browser does not allow it.",
    stale_view: "This page's content could not be loaded again: showing the published version.",
    app_unavailable: "Search, filters and the other interactive features are not available; this page can still be read and its links work.",
    form_draft_unsaved: "This browser does not allow saving the draft: your text is kept only while this tab stays open.",
    error_details: "Details for the editorial team",
    skipped_items: "Items not shown because of content errors:",
    sample: "Sample",
    sample_note: "Sample content: not real information.",
    latest_news: "Latest news",
    all_news: "All news",
    upcoming_events: "Upcoming events",
    recent_events: "Recent events",
    all_events: "All events",
    key_figures: "Key figures",
    all_data: "All data",
    thematic_areas: "Thematic areas",
    no_upcoming: "No upcoming events have been announced.",
    past_events: "Past events",
    filter_country: "Country",
    filter_year: "Year",
    filter_topic: "Thematic area",
    filter_type: "Type",
    filter_author: "Author",
    filter_all: "All",
    filters: "Filters",
    clear_filters: "Clear filters",
    results: "results",
    no_results: "No item matches these filters.",
    ignored_filters: "Invalid parameters in the address were ignored:",
    read_more: "Read more",
    back_to_news: "Back to news",
    back_to_documents: "Back to documents",
    back_to_events: "Back to events",
    back_to_data: "Back to data",
    back_to_topics: "Back to thematic areas",
    country: "Country",
    download: "Download or view",
    no_download: "No download link has been published yet.",
    citation: "How to cite",
    copy: "Copy citation",
    copied: "Citation copied",
    copy_failed: "Could not copy: select the text and copy it.",
    author: "Author",
    date: "Date",
    when: "When",
    where_: "Where",
    format: "Format",
    format_unknown: "Not stated",
    organizer: "Organizer",
    how_to_take_part: "How to take part",
    recordings: "Recordings and materials",
    links: "Links",
    upcoming: "Upcoming",
    past: "Held",
    source: "Source",
    notes: "Notes",
    year: "Year",
    not_stated: "not stated",
    at_least: "more than",
    related_news: "News",
    related_documents: "Documents",
    related_events: "Events",
    related_data: "Data",
    nothing_tagged: "There is no content in this area yet.",
    not_found_title: "Page not found",
    not_found_text: "This address does not match any page of the Observatory.",
    not_found_item: "There is no item with the id",
    go_home: "Go to the home page",
    footer_note:
        "An initiative of the Pacific Alliance Public Procurement Committee: Chile, Colombia, Mexico and Peru.",
    footer_content:
        "Texts written from public news of the Pacific Alliance. Anything marked “Sample” is not real information.",
    external: "external site",
    new_tab: "opens in a new tab",
    time_zone: "Time zone",
    intro_description:
        "Knowledge, news, documents, data and events on public procurement in Chile, Colombia, Mexico and Peru.",
    no_js_static: "Without JavaScript you can read this page and follow its links; search, filters, the calendar and charts need JavaScript.",
    view_table: "Show as a table",
    view_chart: "Show the chart",
    download_csv: "Download CSV",
    download_json: "Download JSON",
    permalink: "Permalink",
    summary_label: "In short",
    legend: "Legend",
    chart_hint: "Tap or tab to each bar or point to see its value.",
    view_agenda: "Agenda",
    view_month: "Month",
    calendar_view: "View",
    prev_month: "Previous month",
    next_month: "Next month",
    this_month: "Today",
    no_events_day: "No events on this day.",
    no_events_month: "No events this month with these filters.",
    choose_day: "Choose a marked day to see its events.",
    grid_hint: "Arrows: move between days · Home/End: week · Page Up/Down: month.",
    event_one: "event",
    event_many: "events",
    filter_format: "Format",
    filter_organizer: "Organizer",
    times_title: "Times in each country",
    your_time: "Your time",
    starts: "Starts",
    ends: "Ends",
    zone_unknown: "Your browser does not know this event's time zone: only the local time is given.",
    all_day_note: "Dates are those of the event's location.",
    add_to_calendar: "Add to your calendar",
    download_ics: "File .ics (Outlook, Apple, Thunderbird)",
    google_calendar: "Google Calendar",
    subscribe: "Subscribe to the calendar (.ics):",
    all_countries: "All",
    comment_title: "Send your comments",
    form_name: "Name (optional)",
    form_email: "E-mail (optional, if you want a reply)",
    form_message: "Comment",
    form_send: "Send comment",
    form_sending: "Sending…",
    form_sent: "Thank you: your comment has been sent.",
    form_failed: "It could not be sent. Your text is still saved in this browser: try again",
    form_or_email: "or send it by e-mail",
    form_draft: "Your draft is saved in this browser as you type.",
    form_via: "Comments are sent through an outside form service:",
    form_by_email: "Write the e-mail",
    form_email_only: "Your e-mail program will open with the comment filled in, addressed to",
    form_honeypot: "Leave this field empty",
    form_err_empty: "Write your comment.",
    form_err_long: "The comment is too long.",
    form_err_name: "The name is too long.",
    form_err_email: "Check the e-mail address (e.g. ana@example.org).",
    form_new: "Write another comment",
    characters: "characters",
    write_to: "Or write to",
    show_more: "Show more",
    subscribe_news: "Subscribe to the news:",
    search: "Search",
    search_label: "Search the Observatory",
    search_placeholder: "Search news, documents, events…",
    search_all: "See all results",
    search_none: "We found nothing for",
    did_you_mean: "Did you mean",
    latest_items: "The latest",
    search_empty: "Type one or more words: accents are optional.",
    search_partial: "Some content could not be loaded; the search covers the rest.",
    search_item_failed: "This result could not be loaded.",
    search_unavailable: "Search is unavailable right now (its index could not be loaded). Try again later, or browse the sections in the menu.",
    search_suggestions: "suggestions",
    filter_kind: "Kind",
    kind_news: "News",
    kind_document: "Document",
    kind_event: "Event",
    kind_topic: "Thematic area",
    kind_dataset: "Data",
    kind_contracting: "Contracting",
    kind_tool: "Tools",
    partial_match: "Only some words match",
    weekdays_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

impl Strings {
    /// `ES` and `EN` are statics (not consts), so each has one address to compare with.
    pub fn kind(&self, k: crate::search::Kind) -> &'static str {
        use crate::search::Kind;
        match k {
            Kind::News => self.kind_news,
            Kind::Document => self.kind_document,
            Kind::Event => self.kind_event,
            Kind::Topic => self.kind_topic,
            Kind::Dataset => self.kind_dataset,
            Kind::Contracting => self.kind_contracting,
            Kind::Tool => self.kind_tool,
        }
    }

    pub fn is_es(&self) -> bool {
        std::ptr::eq(self, &ES)
    }

    pub fn country(&self, c: Country) -> &'static str {
        let es = self.is_es();
        match c {
            Country::Ap => {
                if es {
                    "Alianza del Pacífico"
                } else {
                    "Pacific Alliance"
                }
            }
            Country::Cl => "Chile",
            Country::Co => "Colombia",
            Country::Mx => {
                if es {
                    "México"
                } else {
                    "Mexico"
                }
            }
            Country::Pe => {
                if es {
                    "Perú"
                } else {
                    "Peru"
                }
            }
        }
    }

    pub fn doc_kind(&self, k: DocKind) -> &'static str {
        let es = self.is_es();
        match k {
            DocKind::Study => {
                if es {
                    "Estudio"
                } else {
                    "Study"
                }
            }
            DocKind::Statistics => {
                if es {
                    "Estadística"
                } else {
                    "Statistics"
                }
            }
            DocKind::Article => {
                if es {
                    "Artículo"
                } else {
                    "Article"
                }
            }
            DocKind::Declaration => {
                if es {
                    "Declaración"
                } else {
                    "Declaration"
                }
            }
            DocKind::Report => {
                if es {
                    "Informe"
                } else {
                    "Report"
                }
            }
            DocKind::Portfolio => {
                if es {
                    "Portafolio"
                } else {
                    "Portfolio"
                }
            }
            DocKind::Guide => {
                if es {
                    "Guía"
                } else {
                    "Guide"
                }
            }
        }
    }

    pub fn author_kind(&self, k: AuthorKind) -> &'static str {
        let es = self.is_es();
        match k {
            AuthorKind::Committee => {
                if es {
                    "Comité de Compras Públicas"
                } else {
                    "Public Procurement Committee"
                }
            }
            AuthorKind::Collaborator => {
                if es {
                    "Colaboración invitada"
                } else {
                    "Invited collaborator"
                }
            }
            AuthorKind::Alliance => {
                if es {
                    "Otra instancia de la Alianza"
                } else {
                    "Other Alliance body"
                }
            }
            AuthorKind::External => {
                if es {
                    "Fuente externa"
                } else {
                    "External source"
                }
            }
        }
    }

    pub fn event_format(&self, f: Option<EventFormat>) -> &'static str {
        let es = self.is_es();
        match f {
            Some(EventFormat::Online) => {
                if es {
                    "En línea"
                } else {
                    "Online"
                }
            }
            Some(EventFormat::InPerson) => {
                if es {
                    "Presencial"
                } else {
                    "In person"
                }
            }
            Some(EventFormat::Hybrid) => {
                if es {
                    "Híbrido"
                } else {
                    "Hybrid"
                }
            }
            None => self.format_unknown,
        }
    }

    pub fn link_kind(&self, k: LinkKind) -> &'static str {
        let es = self.is_es();
        match k {
            LinkKind::Info => {
                if es {
                    "Información"
                } else {
                    "Information"
                }
            }
            LinkKind::Registration => {
                if es {
                    "Inscripción"
                } else {
                    "Registration"
                }
            }
            LinkKind::Recording => {
                if es {
                    "Grabación"
                } else {
                    "Recording"
                }
            }
            LinkKind::Material => "Material",
            LinkKind::Source => {
                if es {
                    "Fuente"
                } else {
                    "Source"
                }
            }
        }
    }
}
