import { useEffect } from 'react'
import { navigate } from '../navigation'
import { AppSkeleton } from './AppSkeleton'

/** Replaces the current address with `to` after rendering; shows the loading outline meanwhile. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true })
  }, [to])
  return <AppSkeleton />
}
