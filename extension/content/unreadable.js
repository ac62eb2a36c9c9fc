// What untrain says, in the banner and the callout alike, when it cannot read a setting's switch: one sentence, the
// switch to look for, LinkedIn's own help page, and "I checked it myself", whose answer is logged as the member's.
(() => {
  const untrain = (globalThis.untrain ??= {});

  /**
   * The switch's name as LinkedIn shows it on a page in `lang` (the page's own lang, e.g. "de-DE"): the rules' label
   * for that language, else the setting's title in the member's language (ruleText).
   */
  function switchName(setting, lang, ruleText) {
    const code = String(lang ?? '').trim().toLowerCase().split('-')[0];
    const labels = (setting.find ?? []).filter((step) => step.strategy === 'label');
    const named = code ? labels.map((step) => step.by_language?.[code]).find(Boolean) : null;
    return named ?? ruleText(setting, 'title');
  }

  /**
   * What is said and offered. report: what became of the member's answer on this visit, or null: {state, value,
   * at}, state 'sending', 'logged', 'queued' (in the outbox until the helper answers) or 'failed'; at: when the host
   * logged it (ms). Returns {text, lookFor, help: {url, label} | null, answers: [{value, label, disabled}] | null,
   * note}: answers are offered until the answer is logged or queued, never after.
   */
  function model({ setting, lang = null, report = null }, { t, ruleText, formatDate }) {
    const url = setting.help?.[0]?.url;
    const view = {
      text: t('unreadableText'),
      lookFor: t('unreadableLookFor', switchName(setting, lang, ruleText)),
      help: typeof url === 'string' && url.startsWith('https://') ? { url, label: t('unreadableHelp') } : null,
      answers: null,
      note: '',
    };
    const said = report ? t(report.value ? 'badgeOn' : 'badgeOff') : '';
    if (report?.state === 'logged') {
      view.note = t('unreadableLogged', said, formatDate(report.at));
    } else if (report?.state === 'queued') {
      view.note = t('unreadableQueued', said);
    } else {
      const disabled = report?.state === 'sending';
      view.answers = [
        { value: false, label: t('unreadableAnswerOff'), disabled },
        { value: true, label: t('unreadableAnswerOn'), disabled },
      ];
      if (report?.state === 'failed') view.note = t('unreadableFailed');
    }
    return view;
  }

  // Page scripts can reach our open shadow roots, call .click(), or make a button transparent over a decoy: only the
  // member's own click on a button they could see acts (guard.js).
  const trusted = (handler) => untrain.guard.member(handler);

  /**
   * The elements that say `view` after its sentence, which the banner and the callout each show in their own place:
   * the switch to look for, the help link (a new tab that learns nothing of this page), the two answers or the note.
   * on.answer(value) is called for the member's own click on an answer.
   */
  function parts(doc, view, on = {}) {
    const make = (tag, props = {}) => Object.assign(doc.createElement(tag), props);
    const out = [make('p', { className: 'look-for', textContent: view.lookFor })];
    const row = make('div', { className: 'row answers' });
    if (view.help) {
      row.append(make('a', { className: 'secondary help', href: view.help.url, target: '_blank', rel: 'noopener noreferrer', textContent: view.help.label }));
    }
    for (const answer of view.answers ?? []) {
      const button = make('button', { type: 'button', className: 'secondary answer', textContent: answer.label, disabled: answer.disabled });
      button.dataset.value = answer.value ? 'on' : 'off';
      button.addEventListener('click', trusted(() => on.answer?.(answer.value)));
      row.append(button);
    }
    out.push(row);
    if (view.note) {
      const note = make('p', { className: 'note', textContent: view.note });
      // Said once it changes, to someone who pressed an answer with a screen reader.
      note.setAttribute('role', 'status');
      out.push(note);
    }
    return out;
  }

  untrain.unreadable = { switchName, model, parts };
})();
