import { SANDBOX_SECRETS } from '@campus/config';

/**
 * The sandbox's PayPal test CA: a development key, published in this
 * repository, that issues the sandbox's `messageverificationcerts` certificate.
 * The receiver trusts it only through PAYPAL_CERT_TEST_CA, which production
 * refuses. Made once with
 * `openssl req -x509 -newkey rsa:2048 -nodes -days 7300 -addext basicConstraints=critical,CA:TRUE`.
 */
export const SANDBOX_PAYPAL_CA = {
  cert: SANDBOX_SECRETS.PAYPAL_CERT_TEST_CA,
  key: `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCfrF+zw1D3q5Ml
h5YxtHufHPjSyjIVoH2QtPab8WNTRO5lmPOY1Wg9/ga0mzQYnH0rHLuyyJjHYNQc
2NiLqEz/eSJER+dsDvCJgS85YLRkzci3fYMeA82+o9tVa5X+bJsDcNq2JE8Yk5sr
2VfrZiFJNJcc4mBWRl0Mga9o3fQTAIul5fyyuHPCZG0kNrjkgijRt4Q4VB2dLjBq
OQC3XMOCAL6qDPOjhu8XnBVuisrztzeKMutNPOkqLmB7J45JDU54/OXh5yh/2bLG
zXKfjuqlH3j4O6YI9EuehNIIGZAEXqEbbtOmF9F6IhAWAEV3ZvGWr0ERf8AFaa50
7TxcPOQlAgMBAAECggEAPNdlsA2gcH8EFqzPYikvYbWcalV5OBxrPBR4U3trKXN+
k1/wki/fBKAi1fa9pxMZ7q+IJduhu3b92/AUs0Jx9Hanw/TSDa6zoPGEmQxsMGzp
KmG88FbqstWk4auY/9VKS8lYzUaQjQDRg6fRhHTqAgbz/aGUq8sr8XQI7qCEPCjC
9XpogQY1W7bz0Ro/U7RS8i4CxSbN4YPFhpE6A0+g3b/QJlKHhuviSkFwWC6Yjbuy
1oOoouWAQ+8WuTSEEMB/glteh/z3Z4YeK/RXAYX/ksgpVBtwaMBTfkpmlaEQCMsI
Iaw5691ceEAY77KD16ey1ltADQeKdqbeQw73tkkXEQKBgQDNHzZym3Atr86HE5R+
b07UiZ2RZSk+sT4qPWB+YHlHTWZcB6jazVv19mPWSiWKc6TZLyAu3BfKgiF16wZq
KNS4EVnTzZqfOYC+vAqUE8w4fEj870jLRgHqwzlomxqmXFIyajvX+XZawkV5tVPY
q6woBHIL0JIRtWXjB1MJN7PeQwKBgQDHR0bKOuN/a5CyHCKdDpt1BQv/LR5KuRLE
FzUYNecshE/GqrqPPzCpGvLWhPmvlPtwvqanNzkEJuNumV0UKVwOEmWs9xufVLmW
PYA0T60ylQOhgvlzgbLmDtxRWt/vqlA/KLpOi9/UkHL8KAzLK1G0ZCCFK9sHRd9p
u3XCE5dxdwKBgQCa3Z32GXUwiTOcuCO88bzKqrvUMlRZiOgua/iWcbAfLUjC4uWR
jMqJgWUPPRvq1DT55KKfvnwX4PfyV2eYbwtrjW4Mg4biAEA7wS0bb3cYjn1suhxz
nH+GB68oUzJjuAA3IA3emfHJxDNAGK8dPz/TVsfkM6yUwigSqE0BAJVEkQKBgQCn
r3+O7my+rNnONkSeGkuP9ZY5vFKQGBoFbW3dGIaVfCTRDJr9rPOaaLXM84pTSC8o
mRUNAjf1GXApgd3D+GWg5bQvDqRst1OPa+L0odMhDClJADg+DPZoBjs4LhrfxlXO
P8w+Cg9oA8DuFBln4OTYwaRnyxZ8kTxE8VxO2kOGUwKBgAWGnW2fhKvDewJXsppJ
KD15Zl2JOKHc2PuNhn1Yh0pFQ6yLVkvTJZvioJ7PVLN54rVWb2XFofqAreu/ygaj
Krdpmu2nkdNk48ak7uO0zKFGWwO7u4UGiuihqzYslM/bktjScXD/Bj7aHLzFH9l0
7aBL7P9JnMLccFUrL0tBt2Y1
-----END PRIVATE KEY-----
`,
} as const;
