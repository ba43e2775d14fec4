/** Shared look of the app's modal <dialog>s (confirmations and form dialogs). */
export const dialogClass =
  'm-auto w-[min(92vw,420px)] rounded-lg border border-zinc-200 bg-white p-5 text-left shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900'
