/** The explorer's one way to the data: the public GraphQL API, as any client would call it. */
export class ApiError extends Error {
  override name = 'ApiError';
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new ApiError(`the API answered ${response.status} without data`);
  return body.data;
}
