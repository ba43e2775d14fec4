export type ThemeChoice = 'system' | 'light' | 'dark'

const STORAGE_KEY = 'domainflow.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

export function loadTheme(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return stored === 'light' || stored === 'dark' ? stored : 'system'
  } catch {
    return 'system'
  }
}

/** Whether a choice shows dark, given what the system prefers. */
export function isDark(choice: ThemeChoice, systemPrefersDark: boolean): boolean {
  return choice === 'dark' || (choice === 'system' && systemPrefersDark)
}

let stopFollowing: (() => void) | undefined

/**
 * Puts the `dark` class on <html> (Tailwind's dark: variant keys on it) and remembers the choice. "system" follows
 * the operating system's setting, also when it changes while the page is open.
 */
export function applyTheme(choice: ThemeChoice): void {
  stopFollowing?.()
  stopFollowing = undefined
  const media = window.matchMedia(DARK_QUERY)
  const paint = () => {
    const dark = isDark(choice, media.matches)
    document.documentElement.classList.toggle('dark', dark)
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
  }
  paint()
  if (choice === 'system') {
    media.addEventListener('change', paint)
    stopFollowing = () => media.removeEventListener('change', paint)
  }
  try {
    if (choice === 'system') window.localStorage.removeItem(STORAGE_KEY)
    else window.localStorage.setItem(STORAGE_KEY, choice)
  } catch {
    // Applied for this page only.
  }
}
