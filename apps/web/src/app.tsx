import type { ComponentType } from 'preact'
import { api, ApiError } from './api/client.js'
import { StatusView } from './components/status-view.js'
import { LANGS, setLang, t, useLang, type Lang } from './i18n/i18n.js'
import { isAccountView, navigate, useRoute, VIEWS, type AccountView, type View } from './lib/route.js'
import { useFetch } from './lib/use-fetch.js'
import { LazyView } from './components/lazy-view.js'
import { MarketNavItem } from './market/nav-item.js'
import { useMarketRoute } from './market/route.js'
import { OverviewView } from './views/overview-view.js'
import { AccountMenu } from './workspace/account-menu.js'
import { useSession } from './workspace/session.js'

const loadMap = () => import('./views/map-view.js').then((m) => m.MapView)
const loadCountry = () => import('./views/country-view.js').then((m) => m.CountryView)
const loadInstitution = () => import('./views/institution-view.js').then((m) => m.InstitutionView)
const loadBilateral = () => import('./views/bilateral-view.js').then((m) => m.BilateralView)
const loadNetwork = () => import('./views/network-view.js').then((m) => m.NetworkView)
const loadPartners = () => import('./views/partners-view.js').then((m) => m.PartnersView)
const loadProgrammes = () => import('./views/programmes-view.js').then((m) => m.ProgrammesView)
const loadProgramme = () => import('./views/programme-view.js').then((m) => m.ProgrammeView)
const loadMarket = () => import('./views/market-view.js').then((m) => m.MarketView)
const loadSignIn = () => import('./workspace/sign-in-view.js').then((m) => m.SignInView)

type AccountPage = ComponentType<{ readonly params: Readonly<Record<string, string>> }>
const ACCOUNT_PAGES: Readonly<Record<AccountView, () => Promise<AccountPage>>> = {
  'sign-in': loadSignIn,
  setup: () => import('./workspace/setup-view.js').then((m) => m.SetupView),
  password: () => import('./workspace/password-view.js').then((m) => m.PasswordView),
  tokens: () => import('./workspace/tokens-view.js').then((m) => m.TokensView),
  admin: () => import('./workspace/admin-view.js').then((m) => m.AdminView),
}

/** A private server refuses data to anonymous visitors: they get the sign-in form instead of an error. */
const needsSignIn = (loaded: { state: string; error?: Error }) =>
  loaded.state === 'error' &&
  loaded.error instanceof ApiError &&
  (loaded.error.code === 'UNAUTHENTICATED' || loaded.error.code === 'SESSION_EXPIRED')

const LANG_LABEL: Readonly<Record<Lang, string>> = { en: 'English', zh: '中文' }

/** The dashboard: header (views, language), synthetic-data banner, and the view the URL names. */
export function App() {
  const lang = useLang()
  const route = useRoute()
  // The marketplace's pages (`#/market/...`) have their own routes; the other views do not see them.
  const market = useMarketRoute()
  const policy = route.params.policy ?? 'iso'
  const { session, generation } = useSession()
  const status = useFetch(`status:${policy}:${generation}`, () => api.status({ countryPolicy: policy }))
  const account = isAccountView(route.view) ? route.view : null
  return (
    <div class="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <a
        class="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        {t('skip.content')}
      </a>
      <header class="top">
        <div class="brand">
          <strong>{t('app.title')}</strong>
          <span>{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {/* Programmes need a workspace (STEER reads are signed in): none on a server without one. */}
            {VIEWS.filter((view) => view !== 'programmes' || session.kind !== 'absent').map((view: View) => (
              <li key={view}>
                <a
                  href={`#/${view}`}
                  aria-current={
                    market === null &&
                    (route.view === view || (view === 'programmes' && route.view === 'programme'))
                      ? 'page'
                      : undefined
                  }
                  data-nav={view}
                  onClick={(e) => {
                    e.preventDefault()
                    // Keep the period and policy when moving between views.
                    const keep: Record<string, string> = {}
                    for (const key of ['policy', 'from', 'to'] as const) {
                      const value = route.params[key]
                      if (value) keep[key] = value
                    }
                    navigate(view, keep)
                  }}
                >
                  {t(`nav.${view as (typeof VIEWS)[number]}`)}
                </a>
              </li>
            ))}
            <MarketNavItem current={market !== null} />
          </ul>
        </nav>
        <div class="header-end">
          <div class="lang" role="group" aria-label={t('lang.switch')}>
            {LANGS.map((l) => (
              <button
                key={l}
                type="button"
                lang={l === 'zh' ? 'zh-CN' : 'en'}
                translate={false}
                aria-pressed={lang === l}
                data-lang={l}
                onClick={() => setLang(l)}
              >
                {LANG_LABEL[l]}
              </button>
            ))}
          </div>
          <AccountMenu />
        </div>
      </header>
      {account !== null || needsSignIn(status) ? (
        <main id="main" tabIndex={-1} data-ready="true">
          <LazyView
            load={account === null ? loadSignIn : ACCOUNT_PAGES[account]}
            props={{ params: route.params }}
          />
        </main>
      ) : (
        <StatusView loaded={status}>
          {(value) => (
            <>
              {value.synthetic || value.data.synthetic ? (
                <p class="banner synthetic" role="note" data-testid="synthetic-banner">
                  {t('synthetic.banner')}
                </p>
              ) : null}
              <main id="main" tabIndex={-1} data-ready="true">
                {route.view === 'overview' && market === null ? (
                  <OverviewView status={value} policy={policy} />
                ) : null}
                {route.view === 'map' ? (
                  <LazyView load={loadMap} props={{ status: value, params: route.params }} />
                ) : null}
                {route.view === 'country' ? (
                  <LazyView load={loadCountry} props={{ status: value, params: route.params }} />
                ) : null}
                {route.view === 'institution' ? (
                  <LazyView load={loadInstitution} props={{ status: value, params: route.params }} />
                ) : null}
                {route.view === 'bilateral' ? (
                  <LazyView load={loadBilateral} props={{ status: value, params: route.params }} />
                ) : null}
                {route.view === 'network' ? (
                  <LazyView load={loadNetwork} props={{ status: value, params: route.params }} />
                ) : null}
                {route.view === 'partners' ? (
                  <LazyView load={loadPartners} props={{ status: value, params: route.params }} />
                ) : null}
                {route.view === 'programmes' ? (
                  <LazyView load={loadProgrammes} props={{ params: route.params }} />
                ) : null}
                {route.view === 'programme' ? (
                  <LazyView load={loadProgramme} props={{ params: route.params }} />
                ) : null}
                {market !== null ? <LazyView load={loadMarket} props={{ route: market }} /> : null}
              </main>
            </>
          )}
        </StatusView>
      )}
      <footer>
        <a href="openapi.json">{t('footer.api')}</a> <span translate={false}>· Meridian · Apache-2.0</span>
      </footer>
    </div>
  )
}
