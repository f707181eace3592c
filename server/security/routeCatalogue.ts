import type { FastifyInstance } from "fastify";

/** One method of one registered route, as declared. */
export interface CataloguedRoute {
  method: string;
  url: string;
  websocket: boolean;
  /** The route's own body limit; undefined: the server's default. */
  bodyLimit: number | undefined;
}

const catalogues = new WeakMap<FastifyInstance, CataloguedRoute[]>();

/**
 * Records every route the server registers from now on, plugins' scopes and Fastify's own HEAD
 * routes included: what the server answers is read from the server itself, so the fuzzer
 * (tests/server/fuzzHttp.test.ts) cannot miss a route added later. Register before any route.
 */
export function registerRouteCatalogue(app: FastifyInstance): void {
  const routes: CataloguedRoute[] = [];
  catalogues.set(app, routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, websocket: route.websocket === true, bodyLimit: route.bodyLimit });
    }
  });
}

/** The routes of a server built with registerRouteCatalogue. */
export function routesOf(app: FastifyInstance): readonly CataloguedRoute[] {
  const routes = catalogues.get(app);
  if (!routes) throw new Error("serveur construit sans catalogue de routes");
  return routes;
}
