/** The command surface is a contract: scripts call it. Keep this text and args.ts in step. */
export const USAGE = `azlro: stop and follow Azure long-running operations

Usage:
  azlro aks abort           --subscription <uuid> --resource-group|-g <rg> --name|-n <cluster> [--nothing-to-abort-ok]
                            (--nothing-to-abort-ok: exit 0 when the 409 says the operation finished first;
                             "another operation is in progress" stays exit 3)
  azlro aks command-result  --subscription <uuid> -g <rg> -n <cluster> --command-id <id>
  azlro batch cancel-certificate-deletion --account-endpoint <url> --thumbprint <40 hex> [--thumbprint-algorithm sha1]
  azlro partner cancel      --publisher <id> --offer <id> [--notification-emails <a@x,b@y>]
  azlro wait <resume-token>
  azlro emulator [--port <n>]
  azlro demo

Common options:
  --endpoint <url>          ARM or Cloud Partner Portal base URL (default: the public cloud);
                            with wait, confirms a token's endpoint that is not a known Azure one
  --access-token <token>    a bearer token to use instead of DefaultAzureCredential
                            (prefer the AZLRO_ACCESS_TOKEN environment variable: argv is visible to other users)
  --account-name <name>     Batch Shared Key account (or AZ_BATCH_ACCOUNT)
  --account-key <key>       Batch Shared Key, base64 (or AZ_BATCH_ACCESS_KEY); without both, Batch uses the token credential
  --no-wait                 return once the service accepted the request, with a resume token
  --timeout <seconds>       stop waiting after this long (exit 4), with a resume token
  --output|-o json|text     json: exactly one JSON object on stdout (default: text)
  --verbose                 log every HTTP exchange to stderr, secrets redacted
  --help|-h                 show this help
  --version                 show the version

Exit codes:
  0 succeeded (or accepted, with --no-wait)   1 the operation ended failed or canceled
  2 invalid usage or input, nothing sent      3 service or network error after retries
  4 --timeout reached                         130 interrupted (prints how to resume; SIGTERM: 143)
  azlro emulator runs until Ctrl-C, then closes cleanly and exits 0.
`;
