import { useEffect, type RefObject } from 'react'

/**
 * Moves focus to `ref`'s element and scrolls it into view each time `key` changes: a panel that opens beside or below
 * what the user clicked is otherwise easy to miss, and keyboard and screen-reader users would stay behind on the trigger.
 */
export function useFocusIntoView(ref: RefObject<HTMLElement | null>, key: unknown) {
  useEffect(() => {
    const element = ref.current
    if (!element) return
    // Focus would scroll by itself, but only scrollIntoView's 'nearest' leaves an already visible panel where it is.
    element.focus({ preventScroll: true })
    element.scrollIntoView({ block: 'nearest' })
  }, [ref, key])
}
