// The user-timing mark the app sets once its code has loaded and it is about to render (web/main.tsx): the first-screen
// trace prints it and the tiles browser test checks the document had loaded before it (web/boot.ts).
export const APP_START_MARK = 'hamkor:app-start';
