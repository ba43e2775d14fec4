import { cleanup, configure } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// Some waits include the app's 300 ms debounces; a busy CI machine needs more than the default second.
configure({ asyncUtilTimeout: 3000 })

// Unmount first, so live connections and in-flight queries end before their fakes are taken away.
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  window.localStorage.clear()
})
