import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { Toaster } from './components/Toaster'
import { createQueryClient } from './api/queryClient'
import { meQuery } from './auth/useMe'
import { dashboardQuery } from './dashboard/dashboardApi'
import './index.css'
import { applyTheme, loadTheme } from './lib/theme'

// Before the first render, so a dark choice never flashes light.
applyTheme(loadTheme())

const queryClient = createQueryClient()

// Render-as-you-fetch: who is signed in, and the dashboard a sign-in lands on, are requested while React starts.
void queryClient.prefetchQuery(meQuery)
if (window.location.pathname === '/') void queryClient.prefetchQuery(dashboardQuery)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
      <Toaster />
    </QueryClientProvider>
  </StrictMode>,
)
