// Cold start to the first response with raw fetch: one GET of the same URL, same bearer token, exit.
// Usage: node fetch-first-response.mjs <endpoint>
const url = `${process.argv[2]}/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/def7b3ea71bd4f7e9d226ddbc0f00ad9?api-version=2024-09-01`;
const response = await fetch(url, { headers: { authorization: 'Bearer t' } });
if (!response.ok || !(await response.json())) process.exit(1);
