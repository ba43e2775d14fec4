import { Globe } from 'lucide-react'
import type { ReactNode } from 'react'

/** The frame of the pages anyone may open (sign-in, setup): the product name over one centred card. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-16">
      <div className="mb-6 flex items-center gap-2 text-base font-semibold">
        <Globe className="size-5" aria-hidden /> DomainFlow
      </div>
      <main className="w-full max-w-sm">{children}</main>
    </div>
  )
}
