/** The tag on every suppression `strict` writes, so later runs and the ready check find them. */
export const STRICT_SUPPRESSION_TAG = 'plinto-ready(strict)';
