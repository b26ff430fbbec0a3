import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PNG } from './files';

/** One address the stub knows, in Locatieserver's own field names. */
export interface StubAddress {
  postcode: string;
  huisnummer: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  straatnaam: string;
  woonplaatsnaam: string;
  /** Four digits, as Locatieserver writes it (without GM). */
  gemeentecode: string;
  gemeentenaam: string;
  lon: number;
  lat: number;
  nummeraanduiding_id: string;
}

export type StubMode = 'answer' | 'error' | 'hang' | 'garbage';

export const LOCATIESERVER_PATH = '/bzk/locatieserver/search/v3_1';
/** The same server hands out map tiles (one small PNG for every tile) for KAART_TEGELS_URL. */
export const TILES_PATH = '/tegels/{z}/{x}/{y}.png';

/**
 * A stand-in for PDOK Locatieserver's `free` search (v3.1) on loopback: answers a query
 * `postcode:… and huisnummer:… [and huisletter:…] [and huisnummertoevoeging:…]` with `fq=type:adres`
 * in Locatieserver's JSON (`response.docs[]`, centroide_ll as `POINT(lon lat)`), or fails as told.
 */
export class LocatieserverStub {
  readonly queries: URLSearchParams[] = [];
  mode: StubMode = 'answer';
  private server?: Server;
  private readonly hanging: ServerResponse[] = [];

  constructor(private readonly addresses: StubAddress[]) {}

  /** Tiles handed out so far. */
  tiles = 0;

  /** The value for ADRES_LOOKUP_URL. */
  async start(): Promise<string> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `${this.origin}${LOCATIESERVER_PATH}`;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The value for KAART_TEGELS_URL. */
  get tileUrl(): string {
    return `${this.origin}${TILES_PATH}`;
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://stub');
    if (/^\/tegels\/\d+\/\d+\/\d+\.png$/.test(url.pathname)) {
      this.tiles++;
      response.writeHead(200, { 'Content-Type': 'image/png', 'Cross-Origin-Resource-Policy': 'cross-origin' }).end(PNG);
      return;
    }
    if (url.pathname !== `${LOCATIESERVER_PATH}/free`) {
      response.writeHead(404).end();
      return;
    }
    this.queries.push(url.searchParams);
    if (this.mode === 'hang') {
      this.hanging.push(response);
      return;
    }
    if (this.mode === 'error') {
      response.writeHead(503, { 'Content-Type': 'text/plain' }).end('unavailable');
      return;
    }
    if (this.mode === 'garbage') {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"response": {"docs": "no"');
      return;
    }
    const terms = Object.fromEntries(
      (url.searchParams.get('q') ?? '')
        .split(' and ')
        .map((term) => term.split(':'))
        .filter((parts) => parts.length === 2),
    );
    const docs = url.searchParams.get('fq') === 'type:adres' ? this.addresses.filter((a) => matches(a, terms)).map(doc) : [];
    response
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: 17.5, numFoundExact: true, docs } }));
  }
}

function matches(address: StubAddress, terms: Record<string, string>): boolean {
  return (
    terms.postcode === address.postcode &&
    Number(terms.huisnummer) === address.huisnummer &&
    (terms.huisletter === undefined || terms.huisletter === address.huisletter) &&
    (terms.huisnummertoevoeging === undefined || terms.huisnummertoevoeging === address.huisnummertoevoeging)
  );
}

function doc(address: StubAddress): Record<string, unknown> {
  const addition = address.huisnummertoevoeging ? `-${address.huisnummertoevoeging}` : '';
  const number = `${address.huisnummer}${address.huisletter ?? ''}${addition}`;
  return {
    type: 'adres',
    weergavenaam: `${address.straatnaam} ${number}, ${address.postcode} ${address.woonplaatsnaam}`,
    straatnaam: address.straatnaam,
    huisnummer: address.huisnummer,
    ...(address.huisletter ? { huisletter: address.huisletter } : {}),
    ...(address.huisnummertoevoeging ? { huisnummertoevoeging: address.huisnummertoevoeging } : {}),
    postcode: address.postcode,
    woonplaatsnaam: address.woonplaatsnaam,
    gemeentecode: address.gemeentecode,
    gemeentenaam: address.gemeentenaam,
    centroide_ll: `POINT(${address.lon} ${address.lat})`,
    nummeraanduiding_id: address.nummeraanduiding_id,
  };
}
