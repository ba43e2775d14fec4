import { ApiTokensCard } from './ApiTokensCard'
import { MfaCard } from './MfaCard'
import { ProfileCard } from './ProfileCard'
import { SessionsCard } from './SessionsCard'
import type { AuthSession } from './types'

/** /account: who you are, your second factor, where you are signed in, and your API tokens. */
export function AccountPage({ session }: { session: AuthSession }) {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-lg font-semibold">Account</h1>
      <ProfileCard user={session.user} />
      <MfaCard />
      <SessionsCard />
      <ApiTokensCard />
    </div>
  )
}
