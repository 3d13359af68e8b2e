/** Who sees a post: production shows published posts whose date has come; dev shows all. */
export interface VisibilityFields {
  draft: boolean;
  date: Date;
}

export interface VisibilityContext {
  /** Preview mode (npm run dev): drafts and future posts are shown. */
  preview: boolean;
  /** The build clock (see clock.ts). */
  now: Date;
}

export function isVisible(post: VisibilityFields, context: VisibilityContext): boolean {
  if (context.preview) return true;
  return !post.draft && post.date.getTime() <= context.now.getTime();
}
