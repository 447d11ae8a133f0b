/**
 * Shows the "Share" buttons only where the browser can share by itself (the Web Share API). The
 * plain share links beside them work everywhere, with or without JavaScript.
 */
export function enableShareButtons(): void {
  if (typeof navigator.share !== 'function') return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-share-url]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const { shareTitle: title, shareText: text, shareUrl: url } = button.dataset;
      // Closing the share sheet rejects the promise; there is nothing to tell the person.
      navigator.share({ title, text, url }).catch(() => undefined);
    });
  }
}
