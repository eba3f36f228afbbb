// The text of anything thrown: an Error's message, a DOMException-like object's message (workers and IndexedDB
// throw those), else its string form. One function so every message the user reads is built the same way.
export const errorText = (e: unknown): string =>
  e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e);
