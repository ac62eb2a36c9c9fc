// Tells whether a switch's accessible name says one of a setting's label texts, tolerating the small wording changes
// LinkedIn makes between releases and locales ("des"/"les", "d’IA"/"d'IA": docs/linkedin.md, "Published label texts").
(() => {
  const untrain = (globalThis.untrain ??= {});

  // Words are compared without case or accents: "données" and "Donnees", "Über" and "uber" are one word.
  const fold = (text) => String(text ?? '').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss');

  // Short function words of English, German, French and Spanish: LinkedIn's releases swap them ("entraîner des
  // modèles" / "entraîner les modèles") without changing what the switch does. None of them is a negation.
  const FUNCTION_WORDS = new Set([
    'a', 'an', 'the', 'my', 'your', 'our', 'its', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'and', 'or', 'that', 'which', 'me', 'you', 'it', 'is', 'are', 'be',
    'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'zum', 'zur', 'zu', 'von', 'vom', 'für', 'mit', 'und', 'oder', 'um', 'im', 'am', 'an', 'auf',
    'mein', 'meine', 'meinen', 'meinem', 'meiner', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'dein', 'deine', 'deinen', 'deiner', 'ich', 'mich', 'mir', 'sie', 'du', 'dich', 'dir', 'dass',
    'le', 'la', 'les', 'l', 'de', 'du', 'd', 'un', 'une', 'pour', 'à', 'au', 'aux', 'et', 'ou', 'mes', 'mon', 'ma', 'vos', 'votre', 'tes', 'ton', 'ta', 'sur', 'par', 'avec', 'que', 'qui', 'ce', 'ces', 'cette', 'se', 'sa', 'son', 'ses',
    'el', 'los', 'las', 'lo', 'del', 'unos', 'unas', 'para', 'por', 'al', 'y', 'o', 'mis', 'mi', 'sus', 'su', 'tus', 'tu', 'en', 'con',
  ].map(fold));

  // A name that says the opposite ("Don't use my data …") is not the setting's label, however many words it shares.
  const NEGATIONS = new Set([
    'not', 'no', 'never', 'dont', 'don', 'doesn', 'without',
    'nicht', 'kein', 'keine', 'keinen', 'keiner', 'nie', 'niemals', 'ohne',
    'ne', 'pas', 'jamais', 'non', 'sans',
    'nunca', 'ni', 'jamás', 'sin',
  ].map(fold));

  /** The words of a text, folded; apostrophes, hyphens and punctuation separate words ("d’IA" is "d" and "ia"). */
  const words = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

  /** The words that carry meaning: single letters and function words dropped. */
  const meaningful = (text) => words(text).filter((word) => word.length > 1 && !FUNCTION_WORDS.has(word));

  /**
   * true when `name` says `text`: every meaningful word of the text appears in the name, in the text's order (the
   * name may say more, e.g. "(beta)" or a description LinkedIn adds), and the name adds no negation of its own.
   */
  function says(name, text) {
    const wanted = meaningful(text);
    const have = meaningful(name);
    if (!wanted.length || !have.length) return false;
    if (have.some((word) => NEGATIONS.has(word) && !wanted.includes(word))) return false;
    let next = 0;
    for (const word of have) {
      if (word === wanted[next]) next += 1;
      if (next === wanted.length) return true;
    }
    return false;
  }

  /** true when `name` says any of `texts`. */
  const saysAny = (name, texts) => (texts ?? []).some((text) => says(name, text));

  untrain.labels = { says, saysAny, words, meaningful, fold };
})();
