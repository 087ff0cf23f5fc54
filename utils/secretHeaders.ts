/** Request headers whose values are credentials: redacted wherever headers are shown or exported. */
const SECRET_HEADER_NAMES =
  /^(authorization|cookie|cf-access-client-secret|cf-access-client-id|x-api-key|api-key|x-auth-token|cf-access-token|x-access-token)$/i;

export const isSecretHeader = (name: string): boolean => SECRET_HEADER_NAMES.test(name);
