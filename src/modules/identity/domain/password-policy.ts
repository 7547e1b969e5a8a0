// NIST SP 800-63B: length matters, composition rules do not; the upper bound keeps hashing cheap.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
