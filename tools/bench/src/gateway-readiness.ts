/** True when the gateway answers `GET /health/ready` with 200 within `timeoutMs`. */
export async function isGatewayReady(helpdeskUrl: string, timeoutMs = 3_000): Promise<boolean> {
  try {
    const response = await fetch(`${helpdeskUrl}/health/ready`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}
