import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// Unmount first, so live connections and in-flight queries end before their fakes are taken away.
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  window.localStorage.clear()
})
