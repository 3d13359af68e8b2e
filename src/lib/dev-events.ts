/**
 * The names of the dev preview's messages on Vite's HMR socket, shared by the dev
 * server (src/integrations/dev-live-posts.ts) and the page (src/client/dev-live-posts.ts).
 */
/** Server → page: a post's new body, or that a file is fine again. */
export const POST_UPDATE_EVENT = 'ml-notes:post-update';
/** Page → server: a page has opened (it is sent what it may have missed). */
export const HELLO_EVENT = 'ml-notes:hello';
/** Page → server: a page could not apply an update to what it shows, and asks for the whole body. */
export const RESEND_EVENT = 'ml-notes:resend';
