/**
 * Points an already loaded real Excel client (the globals `excel-*.js`
 * defines, in Node or in a browser page) at a RichApiHost: `Office.context`
 * for the requirement sets (`OSF._OfficeAppFactory.getContext()`), the
 * client's HTTP executor replaced by a call to the host in the same process
 * (`OfficeExtension.HttpUtility.setCustomSendRequestFunc`), and `Excel.run`
 * counted (the pane must never run two at once). No Node-only imports: the
 * browser harness uses it too.
 */
import type { RichApiHost } from './host';

export type ClientBuild = 'web' | 'win32' | 'mac';

/** `Office.context.platform` of each build. */
const PLATFORM: Readonly<Record<ClientBuild, string>> = { web: 'OfficeOnline', win32: 'PC', mac: 'Mac' };

/** Any URL that is not the local document: the client then uses its HTTP executor, which the custom send function replaces. */
export const HOST_URL = 'https://office-host.invalid';

let host: RichApiHost | undefined;
let running = 0;

/** Requests of the client go to this host from now on. */
export function attachHost(h: RichApiHost): RichApiHost {
  host = h;
  return h;
}

export function currentHost(): RichApiHost {
  if (!host) throw new Error('office-host: no host in use (call attachHost)');
  return host;
}

type G = Record<string, any>;

/** Connects the client whose globals live on `g` (as loaded for `build`) to the host in use. */
export function connectClient(g: object, build: ClientBuild): void {
  const G = g as G;
  const OSF = G.OSF as G;
  const platform = PLATFORM[build];
  const context = {
    host: 'Excel',
    platform,
    displayLanguage: 'vi-VN',
    contentLanguage: 'vi-VN',
    requirements: { isSetSupported: (name: string, version?: string | number) => currentHost().isSetSupported(name, version) },
    diagnostics: { host: 'Excel', platform, version: '16.0' },
    // What an add-in page may ask of Office's UI; the host has no UI of its own.
    ui: { openBrowserWindow: (url: string) => (G.open ? G.open(url, '_blank') : undefined) },
  };
  OSF._OfficeAppFactory = {
    getContext: () => context,
    getHostInfo: () => ({ hostType: 'excel', hostPlatform: build, isDialog: false }),
  };

  const OfficeExtension = G.OfficeExtension as G;
  OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = { url: HOST_URL, headers: {} };
  OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (req: { url: string; body: unknown }) => {
    const body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const flags = Number(/[?&]flags=(\d+)/.exec(req.url)?.[1] ?? 0);
    const r = await currentHost().processQuery(body, flags);
    return { statusCode: r.status, headers: { 'content-type': 'application/json' }, body: r.body };
  });

  const Excel = G.Excel as G;
  const realRun = Excel.run as (...a: unknown[]) => Promise<unknown>;
  Excel.run = (...a: unknown[]) => {
    running++;
    const h = currentHost();
    h.stats.maxConcurrentRuns = Math.max(h.stats.maxConcurrentRuns, running);
    return realRun.apply(Excel, a).finally(() => {
      running--;
    });
  };
}
