#include "export/report_text.h"

#include <algorithm>
#include <stdexcept>

namespace untrain {
namespace {

// The words of the extension's own translations (extension/_locales): German says "du", Spanish "tú", French
// "vous"; On and Off are the badge's "An"/"Aus", "Activé"/"Désactivé", "Activado"/"Desactivado". Commands, file
// names and what untrain prints (<code>…</code>) stay as they are typed.
using enum ReportText;
constexpr ReportMessage kMessages[] = {
    {page_title,
     "page_title",
     {"untrain audit trail, exported {day}", "untrain-Prüfprotokoll, exportiert am {day}",
      "Piste d’audit untrain, exportée le {day}", "Registro de auditoría de untrain, exportado el {day}"}},
    {heading,
     "heading",
     {"Your AI-training settings: the audit trail", "Deine Einstellungen zum KI-Training: das Prüfprotokoll",
      "Vos paramètres d’entraînement de l’IA : la piste d’audit",
      "Tus ajustes de entrenamiento de IA: el registro de auditoría"}},
    {exported,
     "exported",
     {"Exported {time} by untrain {version}. {events} below.",
      "Exportiert am {time} von untrain {version}. Unten folgen {events}.",
      "Exportée le {time} par untrain {version}. {events} ci-dessous.",
      "Exportado el {time} por untrain {version}. {events} a continuación."}},
    {events_one, "events_one", {"{n} event", "{n} Ereignis", "{n} événement", "{n} evento"}},
    {events_other, "events_other", {"{n} events", "{n} Ereignisse", "{n} événements", "{n} eventos"}},
    {not_verified,
     "not_verified",
     {"<strong>This trail does NOT verify.</strong> Its events were changed, removed, reordered or inserted after "
      "untrain recorded them ({problem}). Nothing below can be relied on as the record.",
      "<strong>Dieses Protokoll ist NICHT intakt.</strong> Seine Ereignisse wurden geändert, entfernt, umgestellt "
      "oder eingefügt, nachdem untrain sie aufgezeichnet hatte ({problem}). Auf nichts hier unten ist als "
      "Aufzeichnung Verlass.",
      "<strong>Cette piste N’EST PAS intègre.</strong> Ses événements ont été modifiés, supprimés, réordonnés ou "
      "insérés après leur enregistrement par untrain ({problem}). Rien de ce qui suit ne peut servir de preuve.",
      "<strong>Este registro NO se puede verificar.</strong> Sus eventos se modificaron, eliminaron, reordenaron o "
      "insertaron después de que untrain los registrara ({problem}). Nada de lo que sigue sirve como registro."}},
    {partial,
     "partial",
     {"This report holds part of the trail. The whole trail had {total} when it was made; its summary covers only "
      "the events below.",
      "Dieser Bericht enthält einen Teil des Protokolls. Das ganze Protokoll hatte bei seiner Erstellung {total}; "
      "die Zusammenfassung umfasst nur die Ereignisse unten.",
      "Ce rapport contient une partie de la piste. La piste entière comptait {total} lors de sa création ; son "
      "résumé ne porte que sur les événements ci-dessous.",
      "Este informe contiene parte del registro. El registro completo tenía {total} cuando se hizo; su resumen "
      "abarca solo los eventos de abajo."}},
    {partial_range,
     "partial_range",
     {"This report holds part of the trail ({range}). The whole trail had {total} when it was made; its summary "
      "covers only the events below.",
      "Dieser Bericht enthält einen Teil des Protokolls ({range}). Das ganze Protokoll hatte bei seiner Erstellung "
      "{total}; die Zusammenfassung umfasst nur die Ereignisse unten.",
      "Ce rapport contient une partie de la piste ({range}). La piste entière comptait {total} lors de sa "
      "création ; son résumé ne porte que sur les événements ci-dessous.",
      "Este informe contiene parte del registro ({range}). El registro completo tenía {total} cuando se hizo; su "
      "resumen abarca solo los eventos de abajo."}},
    {range_since, "range_since", {"from {time}", "ab {time}", "à partir du {time}", "desde el {time}"}},
    {range_until, "range_until", {"until {time}", "bis {time}", "jusqu’au {time}", "hasta el {time}"}},
    {range_account,
     "range_account",
     {"for the account {account}", "für das Konto {account}", "pour le compte {account}", "de la cuenta {account}"}},
    {summary_heading, "summary_heading", {"Summary", "Zusammenfassung", "Résumé", "Resumen"}},
    {no_settings,
     "no_settings",
     {"untrain has not seen any setting yet.", "untrain hat noch keine Einstellung gesehen.",
      "untrain n’a encore vu aucun paramètre.", "untrain aún no ha visto ningún ajuste."}},
    {account_not_shown,
     "account_not_shown",
     {"account not shown on the page", "Konto auf der Seite nicht angezeigt", "compte non affiché sur la page",
      "cuenta no mostrada en la página"}},
    {timeline_label,
     "timeline_label",
     {"{setting} over time: On, Off or unknown", "{setting} im Zeitverlauf: An, Aus oder unbekannt",
      "{setting} au fil du temps : activé, désactivé ou inconnu",
      "{setting} a lo largo del tiempo: activado, desactivado o desconocido"}},
    {chain_heading, "chain_heading", {"Chain head", "Kettenkopf", "Tête de chaîne", "Cabeza de la cadena"}},
    {chain_made_one,
     "chain_made_one",
     {"This report was made from the trail's first {seq} event: its chain head is seq <span "
      "id=\"chain-head-seq\">{seq}</span>, whose hash is",
      "Dieser Bericht wurde aus dem ersten Ereignis des Protokolls ({seq}) erstellt: sein Kettenkopf ist seq <span "
      "id=\"chain-head-seq\">{seq}</span> mit dem Hash",
      "Ce rapport a été établi à partir du premier événement de la piste ({seq}) : sa tête de chaîne est le seq "
      "<span id=\"chain-head-seq\">{seq}</span>, dont le hachage est",
      "Este informe se hizo con el primer evento del registro ({seq}): su cabeza de cadena es el seq <span "
      "id=\"chain-head-seq\">{seq}</span>, cuyo hash es"}},
    {chain_made_other,
     "chain_made_other",
     {"This report was made from the trail's first {seq} events: its chain head is seq <span "
      "id=\"chain-head-seq\">{seq}</span>, whose hash is",
      "Dieser Bericht wurde aus den ersten {seq} Ereignissen des Protokolls erstellt: sein Kettenkopf ist seq <span "
      "id=\"chain-head-seq\">{seq}</span> mit dem Hash",
      "Ce rapport a été établi à partir des {seq} premiers événements de la piste : sa tête de chaîne est le seq "
      "<span id=\"chain-head-seq\">{seq}</span>, dont le hachage est",
      "Este informe se hizo con los primeros {seq} eventos del registro: su cabeza de cadena es el seq <span "
      "id=\"chain-head-seq\">{seq}</span>, cuyo hash es"}},
    {chain_added,
     "chain_added",
     {"Making this report added event {next} to the trail, the record of this export: a later export ends at a "
      "later seq, and still holds seq {seq} with this hash.",
      "Beim Erstellen dieses Berichts kam Ereignis {next} zum Protokoll hinzu, die Aufzeichnung dieses Exports: ein "
      "späterer Export endet bei einer späteren seq und enthält seq {seq} weiterhin mit diesem Hash.",
      "La création de ce rapport a ajouté l’événement {next} à la piste, l’enregistrement de cet export : un export "
      "ultérieur se termine à un seq plus élevé et contient toujours le seq {seq} avec ce hachage.",
      "Al hacer este informe se añadió el evento {next} al registro, la constancia de esta exportación: una "
      "exportación posterior termina en un seq mayor y sigue conteniendo el seq {seq} con este hash."}},
    {verify_heading, "verify_heading", {"How to verify", "So prüfst du es", "Comment vérifier", "Cómo verificarlo"}},
    {verify_intro,
     "verify_intro",
     {"Every event is chained to the one before it: its hash is SHA-256 over the previous event's hash followed by "
      "the event itself, encoded canonically. Changing, removing, reordering or inserting an event breaks the chain "
      "from that event on.",
      "Jedes Ereignis ist mit dem vorigen verkettet: sein Hash ist SHA-256 über den Hash des vorigen Ereignisses, "
      "gefolgt vom Ereignis selbst in kanonischer Kodierung. Wird ein Ereignis geändert, entfernt, umgestellt oder "
      "eingefügt, bricht die Kette ab diesem Ereignis.",
      "Chaque événement est chaîné au précédent : son hachage est le SHA-256 du hachage de l’événement précédent "
      "suivi de l’événement lui-même, encodé de façon canonique. Modifier, supprimer, réordonner ou insérer un "
      "événement rompt la chaîne à partir de cet événement.",
      "Cada evento está encadenado al anterior: su hash es SHA-256 sobre el hash del evento anterior seguido del "
      "propio evento, codificado de forma canónica. Modificar, eliminar, reordenar o insertar un evento rompe la "
      "cadena a partir de ese evento."}},
    {verify_step_export,
     "verify_step_export",
     {"Export the whole trail as JSON, into a new file: <code>untrain export -o trail.json</code> (or untrain's "
      "popup: Export, JSON).",
      "Exportiere das ganze Protokoll als JSON in eine neue Datei: <code>untrain export -o trail.json</code> (oder "
      "im Pop-up von untrain: Prüfprotokoll exportieren, JSON).",
      "Exportez la piste entière en JSON, dans un nouveau fichier : <code>untrain export -o trail.json</code> (ou "
      "dans la fenêtre d’untrain : Exporter la piste d’audit, JSON).",
      "Exporta el registro completo como JSON, en un archivo nuevo: <code>untrain export -o trail.json</code> (o en "
      "la ventana de untrain: Exportar el registro de auditoría, JSON)."}},
    {verify_step_check,
     "verify_step_check",
     {"Run <code>untrain verify --file trail.json --head {head}</code>. It re-computes every hash without the "
      "member's database, names the first event that does not fit, and checks that event {seq} has this report's "
      "chain head. It prints <code>intact: …</code> and exits 0 when all of it holds.",
      "Führe <code>untrain verify --file trail.json --head {head}</code> aus. Der Befehl berechnet jeden Hash ohne "
      "die Datenbank des Mitglieds neu, nennt das erste Ereignis, das nicht passt, und prüft, dass Ereignis {seq} "
      "den Kettenkopf dieses Berichts hat. Er gibt <code>intact: …</code> aus und endet mit Status 0, wenn all das "
      "zutrifft.",
      "Lancez <code>untrain verify --file trail.json --head {head}</code>. La commande recalcule chaque hachage sans "
      "la base de données du membre, nomme le premier événement qui ne concorde pas et vérifie que l’événement {seq} "
      "porte la tête de chaîne de ce rapport. Elle affiche <code>intact: …</code> et se termine avec le code 0 "
      "quand tout cela est vrai.",
      "Ejecuta <code>untrain verify --file trail.json --head {head}</code>. Recalcula cada hash sin la base de datos "
      "del miembro, nombra el primer evento que no encaja y comprueba que el evento {seq} tiene la cabeza de cadena "
      "de este informe. Muestra <code>intact: …</code> y termina con el código 0 cuando todo se cumple."}},
    {verify_step_by_hand,
     "verify_step_by_hand",
     {"To check by hand, re-compute each hash as docs/audit-trail.md in untrain's source describes (sorted keys, no "
      "whitespace, integers and strings only, UTF-8).",
      "Um von Hand zu prüfen, berechne jeden Hash neu, wie docs/audit-trail.md in den Quellen von untrain es "
      "beschreibt (sortierte Schlüssel, kein Leerraum, nur ganze Zahlen und Zeichenketten, UTF-8).",
      "Pour vérifier à la main, recalculez chaque hachage comme le décrit docs/audit-trail.md dans les sources "
      "d’untrain (clés triées, sans espaces, entiers et chaînes uniquement, UTF-8).",
      "Para comprobarlo a mano, recalcula cada hash como describe docs/audit-trail.md en el código fuente de "
      "untrain (claves ordenadas, sin espacios, solo enteros y cadenas, UTF-8)."}},
    {events_heading, "events_heading", {"Events", "Ereignisse", "Événements", "Eventos"}},
    {column_seq, "column_seq", {"seq", "seq", "seq", "seq"}},
    {column_time, "column_time", {"time (UTC)", "Zeit (UTC)", "heure (UTC)", "hora (UTC)"}},
    {column_what, "column_what", {"what", "was", "quoi", "qué"}},
    {column_setting, "column_setting", {"setting", "Einstellung", "paramètre", "ajuste"}},
    {column_value, "column_value", {"value", "Wert", "valeur", "valor"}},
    {column_how, "column_how", {"how", "wie", "comment", "cómo"}},
    {column_account, "column_account", {"account", "Konto", "compte", "cuenta"}},
    {column_page, "column_page", {"page", "Seite", "page", "página"}},
    {column_hash, "column_hash", {"hash", "Hash", "hachage", "hash"}},
    {on, "on", {"On", "An", "Activé", "Activado"}},
    {off, "off", {"Off", "Aus", "Désactivé", "Desactivado"}},
    {unknown, "unknown", {"unknown", "unbekannt", "inconnu", "desconocido"}},
    {change,
     "change",
     {"change {from} → {to}", "Änderung {from} → {to}", "changement {from} → {to}", "cambio {from} → {to}"}},
    {your_word,
     "your_word",
     {"(your word; untrain did not read it)", "(deine Angabe; untrain hat es nicht gelesen)",
      "(selon vous ; untrain ne l’a pas lu)", "(según tú; untrain no lo leyó)"}},
    {band,
     "band",
     {"{state}: {from} to {to}", "{state}: {from} bis {to}", "{state} : du {from} au {to}",
      "{state}: del {from} al {to}"}},
    {band_reported,
     "band_reported",
     {"{state}, as you reported (untrain did not read it)", "{state}, laut dir (untrain hat es nicht gelesen)",
      "{state}, selon vous (untrain ne l’a pas lu)", "{state}, según tú (untrain no lo leyó)"}},
    {key_reported,
     "key_reported",
     {"{state}, as you reported", "{state}, laut dir", "{state}, selon vous", "{state}, según tú"}},
    {footer,
     "footer",
     {"Made by untrain, which keeps this trail on the member's own computer.",
      "Erstellt von untrain, das dieses Protokoll auf dem eigenen Computer des Mitglieds führt.",
      "Établi par untrain, qui conserve cette piste sur l’ordinateur du membre.",
      "Hecho por untrain, que guarda este registro en el propio ordenador del miembro."}},
    {summary_reported,
     "summary_reported",
     {"{setting}: you reported {value} on {time}; untrain did not read it.",
      "{setting}: Du hast am {time} {value} gemeldet; untrain hat es nicht gelesen.",
      "{setting} : vous avez indiqué {value} le {time} ; untrain ne l’a pas lu.",
      "{setting}: indicaste {value} el {time}; untrain no lo leyó."}},
    {summary_last_read,
     "summary_last_read",
     {"untrain last read it {value} on {time}.", "untrain hat es zuletzt am {time} als {value} gelesen.",
      "untrain l’a lu pour la dernière fois {value} le {time}.", "untrain lo leyó por última vez {value} el {time}."}},
    {summary_never_read,
     "summary_never_read",
     {"untrain has never read it.", "untrain hat es nie gelesen.", "untrain ne l’a jamais lu.",
      "untrain nunca lo ha leído."}},
    {summary_since,
     "summary_since",
     {"{setting}: {value} since {time} ({how}). {first}.", "{setting}: {value} seit {time} ({how}). {first}.",
      "{setting} : {value} depuis le {time} ({how}). {first}.",
      "{setting}: {value} desde el {time} ({how}). {first}."}},
    {summary_unchanged,
     "summary_unchanged",
     {"{setting}: {value}. {first}, and has not changed since.",
      "{setting}: {value}. {first}, und hat sich seitdem nicht geändert.",
      "{setting} : {value}. {first}, et n’a pas changé depuis.",
      "{setting}: {value}. {first}, y no ha cambiado desde entonces."}},
    {summary_unchanged_reported,
     "summary_unchanged_reported",
     {"{setting}: {value}. {first}, and it has not changed since.",
      "{setting}: {value}. {first}, und seitdem hat es sich nicht geändert.",
      "{setting} : {value}. {first}, et il n’a pas changé depuis.",
      "{setting}: {value}. {first}, y no ha cambiado desde entonces."}},
    {summary_first_reported,
     "summary_first_reported",
     {"You reported it {value} when it was first recorded on {day}, before untrain read it",
      "Du hast es als {value} gemeldet, als es am {day} zum ersten Mal aufgezeichnet wurde, bevor untrain es las",
      "Vous l’avez indiqué {value} lors de son premier enregistrement le {day}, avant qu’untrain le lise",
      "Lo indicaste {value} cuando se registró por primera vez el {day}, antes de que untrain lo leyera"}},
    {summary_first_seen,
     "summary_first_seen",
     {"It was {value} when first seen on {day}", "Es war {value}, als es am {day} zum ersten Mal gesehen wurde",
      "Il était {value} la première fois qu’il a été vu, le {day}",
      "Estaba {value} cuando se vio por primera vez el {day}"}},
    {summary_first_seen_default,
     "summary_first_seen_default",
     {"It was {value}, by default, when first seen on {day}",
      "Es war standardmäßig {value}, als es am {day} zum ersten Mal gesehen wurde",
      "Il était {value}, par défaut, la première fois qu’il a été vu, le {day}",
      "Estaba {value}, por defecto, cuando se vio por primera vez el {day}"}},
    {summary_as_reported_read,
     "summary_as_reported_read",
     {"as you reported; untrain first read it {value} on {time}",
      "wie du gemeldet hast; untrain hat es am {time} zum ersten Mal als {value} gelesen",
      "comme vous l’avez indiqué ; untrain l’a lu {value} pour la première fois le {time}",
      "como indicaste; untrain lo leyó {value} por primera vez el {time}"}},
    {summary_as_reported_later,
     "summary_as_reported_later",
     {"as you reported; untrain first read it {value} later",
      "wie du gemeldet hast; untrain hat es später zum ersten Mal als {value} gelesen",
      "comme vous l’avez indiqué ; untrain l’a lu {value} plus tard",
      "como indicaste; untrain lo leyó {value} más tarde"}},
    {summary_switched_on_page,
     "summary_switched_on_page",
     {"switched on on the settings page", "auf der Einstellungsseite eingeschaltet",
      "activé sur la page des paramètres", "activado en la página de ajustes"}},
    {summary_switched_off_page,
     "summary_switched_off_page",
     {"switched off on the settings page", "auf der Einstellungsseite ausgeschaltet",
      "désactivé sur la page des paramètres", "desactivado en la página de ajustes"}},
    {summary_switched_on_assisted,
     "summary_switched_on_assisted",
     {"switched on by untrain at the member's request", "von untrain auf Wunsch des Mitglieds eingeschaltet",
      "activé par untrain à la demande du membre", "activado por untrain a petición del miembro"}},
    {summary_switched_off_assisted,
     "summary_switched_off_assisted",
     {"switched off by untrain at the member's request", "von untrain auf Wunsch des Mitglieds ausgeschaltet",
      "désactivé par untrain à la demande du membre", "desactivado por untrain a petición del miembro"}},
    {summary_found_on_visit,
     "summary_found_on_visit",
     {"found {value} on a visit to the settings page", "bei einem Besuch der Einstellungsseite als {value} vorgefunden",
      "trouvé {value} lors d’une visite de la page des paramètres",
      "encontrado {value} en una visita a la página de ajustes"}},
    {summary_checked_one,
     "summary_checked_one",
     {"Checked {n} time since, {value} each time.", "Seitdem {n} Mal geprüft, jedes Mal {value}.",
      "Vérifié {n} fois depuis, {value} à chaque fois.", "Comprobado {n} vez desde entonces, {value} cada vez."}},
    {summary_checked_other,
     "summary_checked_other",
     {"Checked {n} times since, {value} each time.", "Seitdem {n} Mal geprüft, jedes Mal {value}.",
      "Vérifié {n} fois depuis, {value} à chaque fois.", "Comprobado {n} veces desde entonces, {value} cada vez."}},
    {summary_last_checked,
     "summary_last_checked",
     {"Last checked {time}.", "Zuletzt geprüft am {time}.", "Dernière vérification le {time}.",
      "Última comprobación el {time}."}},
    {summary_stale,
     "summary_stale",
     {"Not checked for {days} days: LinkedIn may have changed it since.",
      "Seit {days} Tagen nicht geprüft: LinkedIn könnte es inzwischen geändert haben.",
      "Non vérifié depuis {days} jours : LinkedIn l’a peut-être modifié depuis.",
      "Sin comprobar desde hace {days} días: puede que LinkedIn lo haya cambiado."}},
};

constexpr bool in_order() {
  for (std::size_t i = 0; i < std::size(kMessages); ++i) {
    if (static_cast<std::size_t>(kMessages[i].id) != i) return false;
  }
  return std::size(kMessages) == static_cast<std::size_t>(summary_stale) + 1;
}
static_assert(in_order(), "kMessages lists every ReportText once, in the enum's order");

}  // namespace

std::span<const ReportMessage> report_messages() { return kMessages; }

std::string report_text(Lang lang, ReportText id, ReportArgs args) {
  std::string_view text = kMessages[static_cast<std::size_t>(id)].in[static_cast<std::size_t>(lang)];
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto open = text.find('{');
    auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out += text;
      break;
    }
    out += text.substr(0, open);
    std::string_view name = text.substr(open + 1, close - open - 1);
    const auto* arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
    if (arg == args.end()) {
      throw std::logic_error("the report's message " + std::string(kMessages[static_cast<std::size_t>(id)].name) +
                             " needs {" + std::string(name) + "}");
    }
    out += arg->second;
    text.remove_prefix(close + 1);
  }
  return out;
}

ReportText plural(Lang lang, std::int64_t n, ReportText one, ReportText other) {
  bool single = lang == Lang::fr ? (n == 0 || n == 1) : n == 1;
  return single ? one : other;
}

std::vector<std::string> placeholders(std::string_view text) {
  std::vector<std::string> names;
  for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    auto close = text.find('}', open);
    if (close == std::string_view::npos) break;
    names.emplace_back(text.substr(open + 1, close - open - 1));
  }
  return names;
}

}  // namespace untrain
