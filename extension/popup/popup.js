// Wires the popup's sections to their modules; each section keeps its own logic in its own file.
(() => {
  const { popupExport } = globalThis.untrain;
  const api = globalThis.browser ?? globalThis.chrome;
  const ask = (message) => api.runtime.sendMessage(message);

  const section = document.getElementById('export');
  const status = document.getElementById('export-status');
  const buttons = [...section.querySelectorAll('button[data-format]')];
  for (const button of buttons) {
    button.addEventListener('click', async () => {
      buttons.forEach((b) => { b.disabled = true; });
      status.dataset.state = 'working';
      status.textContent = `Exporting ${button.textContent}…`;
      try {
        const result = await popupExport.request({ ask, format: button.dataset.format });
        popupExport.save(document, result);
        status.dataset.state = 'done';
        status.textContent = popupExport.describe(result);
      } catch (error) {
        status.dataset.state = 'error';
        status.textContent = popupExport.describeFailure(error);
      } finally {
        buttons.forEach((b) => { b.disabled = false; });
      }
    });
  }
})();
