import { lazy } from 'react'

// Every page but the dashboard (where a sign-in lands) and the sign-in pages loads on first visit: the first load
// parses only the shell, and each page's code arrives when it is opened (BudgetTests measures the first load).

export const AdminPage = lazy(() => import('./admin/AdminPage').then((m) => ({ default: m.AdminPage })))
export const AccountPage = lazy(() => import('./auth/AccountPage').then((m) => ({ default: m.AccountPage })))
export const ChangePasswordPage = lazy(() => import('./auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })))
export const CampaignDetailPage = lazy(() => import('./campaigns/CampaignDetailPage').then((m) => ({ default: m.CampaignDetailPage })))
export const CampaignListPage = lazy(() => import('./campaigns/CampaignListPage').then((m) => ({ default: m.CampaignListPage })))
export const NewCampaignPage = lazy(() => import('./campaigns/NewCampaignPage').then((m) => ({ default: m.NewCampaignPage })))
export const DnsPersonasPage = lazy(() => import('./personas/DnsPersonasPage').then((m) => ({ default: m.DnsPersonasPage })))
export const PersonaEditorPage = lazy(() => import('./personas/PersonaEditorPage').then((m) => ({ default: m.PersonaEditorPage })))
export const HttpPersonaEditorPage = lazy(() => import('./httpPersonas/HttpPersonaEditorPage').then((m) => ({ default: m.HttpPersonaEditorPage })))
export const HttpPersonasPage = lazy(() => import('./httpPersonas/HttpPersonasPage').then((m) => ({ default: m.HttpPersonasPage })))
export const KeywordSetEditorPage = lazy(() => import('./keywords/KeywordSetEditorPage').then((m) => ({ default: m.KeywordSetEditorPage })))
export const KeywordSetsPage = lazy(() => import('./keywords/KeywordSetsPage').then((m) => ({ default: m.KeywordSetsPage })))
export const ProxiesPage = lazy(() => import('./proxies/ProxiesPage').then((m) => ({ default: m.ProxiesPage })))
export const ProxyPoolEditorPage = lazy(() => import('./proxies/ProxyPoolEditorPage').then((m) => ({ default: m.ProxyPoolEditorPage })))
export const ProxyPoolsPage = lazy(() => import('./proxies/ProxyPoolsPage').then((m) => ({ default: m.ProxyPoolsPage })))
