import { parseTestNames } from '../personas/personaForm'
import type { HttpPersonaTestRequest } from './httpPersonasApi'

/** "http://…" or "https://…" is fetched as it is; anything else is a domain probed as the phase would. */
export function isTestUrl(target: string): boolean {
  return /^https?:\/\//i.test(target.trim())
}

/** The test request for what the user typed: a URL, or a domain; addresses may be left out for a URL whose host is an IP. */
export function testRequest(target: string, addresses: string): HttpPersonaTestRequest {
  const list = parseTestNames(addresses)
  return isTestUrl(target) ? { url: target.trim(), addresses: list } : { domain: target.trim(), addresses: list }
}
