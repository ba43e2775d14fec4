// DNS persona types: aliases of the schema generated from the server's OpenAPI document.
import type { components } from '../api/schema'

type Schemas = components['schemas']

export type { DnsPersona, DnsOutcome } from '../api/types'
export type { DnsPersonaConfig } from '../api/namedConfigs'
export type DnsPersonaResolver = Schemas['DnsPersonaResolver']
export type DnsRateSpec = Schemas['RateSpec']
export type ResolverStrategy = Schemas['ResolverStrategy']
export type DnsPersonaTestReport = Schemas['DnsPersonaTestReport']
export type DnsResolverTestResult = Schemas['DnsResolverTestResult']
export type DnsNameTestResult = Schemas['DnsNameTestResult']

export interface DnsPersonaTestRequest {
  names: string[]
  timeoutMs?: number
}

export const RESOLVER_STRATEGIES = [
  'round_robin', 'random', 'weighted', 'sequential_failover',
] as const satisfies readonly ResolverStrategy[]

/** The record types the server accepts, in the order the form shows them. */
export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT'] as const

// Compile-time drift checks: each fails to compile when the schema and the hand-typed shape disagree.
type Assert<T extends true> = T
type Extends<A, B> = [A] extends [B] ? true : false
export type PersonaSchemaChecks = [
  Assert<Extends<Required<DnsPersonaTestRequest>, Schemas['DnsPersonaTestRequest']>>,
  Assert<Extends<ResolverStrategy, (typeof RESOLVER_STRATEGIES)[number]>>,
]
