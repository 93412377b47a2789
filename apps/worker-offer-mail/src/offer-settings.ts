import { ConfigError, parseDurationMs, type OffersConfig } from '@campus/config';

/** The offers settings this worker runs with, checked and parsed once at start. */
export interface OfferSettings {
  /** Public URL of the Campus website, without a trailing slash. */
  baseUrl: string;
  linkSecret: string;
  /** Delay of follow_up_1, _2 and _3 after the initial mail went out. */
  followUpDelaysMs: readonly [number, number, number];
}

/**
 * The offers settings parse but do not make sense; the message names the
 * variable. A ConfigError, so the app stops like for any bad setting (exit 78).
 */
export class OfferSettingsError extends ConfigError {
  override name = 'OfferSettingsError';
  constructor(problem: string, options?: { cause?: unknown }) {
    super([problem], options);
  }
}

/** The offers settings with the website's URL the links point to. */
export type OfferOptions = OffersConfig & { baseUrl: string };

/**
 * Turns the `offers` config group into settings the handlers can use without
 * further checks: exactly three increasing delays (the three follow-up
 * templates are written as a sequence, the third says it is the last).
 */
export function resolveOfferSettings(offers: OfferOptions): OfferSettings {
  const delays = offers.followUpDelays.map((text) => {
    try {
      return parseDurationMs(text);
    } catch (error) {
      throw new OfferSettingsError(`OFFER_FOLLOW_UP_DELAYS: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
  const [first, second, third] = delays;
  if (delays.length !== 3 || first === undefined || second === undefined || third === undefined) {
    throw new OfferSettingsError(
      `OFFER_FOLLOW_UP_DELAYS must name exactly three durations (one per follow-up mail), e.g. 3d,7d,14d; got ${delays.length}.`,
    );
  }
  if (!(first < second && second < third)) {
    throw new OfferSettingsError(
      `OFFER_FOLLOW_UP_DELAYS must increase (${offers.followUpDelays.join(',')}): follow_up_3 is worded as the last reminder.`,
    );
  }
  return {
    baseUrl: offers.baseUrl.replace(/\/+$/, ''),
    linkSecret: offers.linkSecret,
    followUpDelaysMs: [first, second, third],
  };
}
