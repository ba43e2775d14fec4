import { Monitor, Moon, Sun } from 'lucide-react'
import { useState } from 'react'
import { cn } from '../lib/cn'
import { applyTheme, loadTheme, type ThemeChoice } from '../lib/theme'

const CHOICES = [
  { value: 'light', label: 'Light theme', icon: Sun },
  { value: 'dark', label: 'Dark theme', icon: Moon },
  { value: 'system', label: 'Theme of the system', icon: Monitor },
] as const satisfies readonly { value: ThemeChoice; label: string; icon: unknown }[]

/** Light, dark or the system's: three radio buttons, keyboard reachable, remembered in this browser. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(loadTheme)
  return (
    <div role="radiogroup" aria-label="Theme" className="flex items-center rounded-md border border-zinc-200 p-0.5 dark:border-zinc-800" data-testid="theme-toggle">
      {CHOICES.map(({ value, label, icon: Icon }) => (
        <button key={value} type="button" role="radio" aria-checked={choice === value} aria-label={label} title={label}
          onClick={() => { setChoice(value); applyTheme(value) }} data-testid={`theme-${value}`}
          className={cn('rounded p-1 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100',
            choice === value && 'bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100')}>
          <Icon className="size-3.5" aria-hidden />
        </button>
      ))}
    </div>
  )
}
