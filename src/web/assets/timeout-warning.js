/* global window, fetch */
// The GOV.UK timeout warning: a modal shown before an idle session ends, offering to stay signed in.
// The server ends idle sessions by itself; this only warns, and keeps the session if asked.

const KEEP_ALIVE_URL = '/session/keep-alive';

function describe(seconds) {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

export function startTimeoutWarning(dialog) {
  const idleSeconds = Number(dialog.dataset.idleSeconds);
  const warningSeconds = Number(dialog.dataset.warningSeconds);
  if (!idleSeconds || !warningSeconds || typeof dialog.showModal !== 'function') return;

  const countdown = dialog.querySelector('[data-countdown]');
  const announcement = dialog.querySelector('[data-countdown-announcement]');
  let deadline = 0;
  let warnTimer;
  let tick;

  const signedOut = () => window.location.assign('/sign-in?signedOut=true');

  const update = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    countdown.textContent = describe(left);
    // Screen readers hear the time at each whole minute and every 15 seconds in the last minute.
    if (left % 60 === 0 || (left < 60 && left % 15 === 0)) {
      announcement.textContent = `For your security, we will sign you out in ${describe(left)}.`;
    }
    if (left === 0) signedOut();
  };

  const warn = () => {
    deadline = Date.now() + warningSeconds * 1000;
    update();
    dialog.showModal();
    dialog.querySelector('h2').focus();
    tick = window.setInterval(update, 1000);
  };

  const restart = () => {
    window.clearTimeout(warnTimer);
    window.clearInterval(tick);
    warnTimer = window.setTimeout(warn, (idleSeconds - warningSeconds) * 1000);
  };

  const stay = async () => {
    const response = await fetch(KEEP_ALIVE_URL, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return signedOut();
    dialog.close();
    restart();
  };

  dialog.querySelector('[data-keep-alive]').addEventListener('click', () => void stay());
  // Escape closes a modal dialog; for this warning it means "stay signed in", as the pattern says.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    void stay();
  });
  restart();
}
