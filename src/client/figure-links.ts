/**
 * A figure scaled down to a phone's width (the @tf_export diagram's code text
 * shrinks to 5–6 px) can be opened full size: each figure's image becomes a link
 * to the image file itself, where the browser lets the reader zoom. No viewer of
 * our own, nothing from elsewhere; without this script the figure is as before.
 */
export function bindFigureLinks(): void {
  for (const image of document.querySelectorAll<HTMLImageElement>('.prose figure img')) {
    if (image.closest('a')) continue;
    const link = document.createElement('a');
    link.className = 'figure-full-size';
    link.href = image.currentSrc || image.src;
    link.title = '查看原图';
    link.setAttribute('aria-label', `查看原图：${image.alt}`);
    image.replaceWith(link);
    link.append(image);
  }
}
