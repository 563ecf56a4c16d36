import type { RequestHandler } from "express";
import type { Logger } from "../logger.js";

/**
 * Behind a reverse proxy with TRUST_PROXY=0, every request seems to come from
 * the proxy: the sign-in limits then count all users as one address. Said
 * once, at the first request that shows it, so the operator sets TRUST_PROXY.
 */
export function warnOnForwardedHeaders(logger: Logger): RequestHandler {
  let warned = false;
  return (req, _res, next) => {
    if (!warned && (req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined)) {
      warned = true;
      logger.warn(
        "Requête reçue avec un en-tête X-Forwarded-For ou Forwarded alors que TRUST_PROXY vaut 0 : " +
          "derrière un proxy, toutes les connexions semblent venir de la même adresse et partagent les " +
          "limites de tentatives. Indiquez dans TRUST_PROXY le nombre de proxys devant l'application.",
      );
    }
    next();
  };
}
