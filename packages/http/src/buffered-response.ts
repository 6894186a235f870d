/** Decodes bodies as `Response.text()` does (UTF-8, a BOM dropped). */
const decoder = new TextDecoder();

/** What {@link bufferedResponse} makes: a Response that can hand out its bytes unread. */
interface BufferedResponseClass {
  new (bytes: ArrayBuffer | null, init: ResponseInit): Response;
  bytesOf(response: Response): ArrayBuffer | null | undefined;
}

let bufferedResponseClass: BufferedResponseClass | undefined;

/**
 * Makes a `Response` whose body is bytes already read whole (by the transport), so making one costs no
 * `ReadableStream` (a stream per response was ~20 µs of CPU, about as much as the rest of the
 * pipeline). It is a real `Response` (`instanceof`, `status`, `statusText`, `headers`, `ok`, `type`
 * as for any constructed Response) whose body methods (`text`, `json`, `arrayBuffer`, `bytes`,
 * `blob`) answer from the bytes, once each Response as the Fetch standard says (a second read
 * throws TypeError); `body` gives a stream of the bytes made on first access (null for no body)
 * and `clone()` a copy. `formData()` is not supported (TypeError): no Azure API answers with a form.
 *
 * The class is defined on the first call, not on import: extending the global `Response` makes Node
 * load its fetch implementation (~35 ms of CPU), which a process that only imports azlro, parses
 * arguments or reads a resume token never needs.
 *
 * @param bytes - the whole body; null for none (204, 205, 304).
 */
export function bufferedResponse(bytes: ArrayBuffer | null, init: ResponseInit): Response {
  return new (bufferedResponseClass ??= defineBufferedResponse())(bytes, init);
}

/** The body bytes of a {@link bufferedResponse} without reading them; undefined for any other Response. */
export function bufferedBytesOf(response: Response): ArrayBuffer | null | undefined {
  // No class yet means no buffered response exists yet.
  return bufferedResponseClass?.bytesOf(response);
}

function defineBufferedResponse(): BufferedResponseClass {
  return class BufferedResponse extends Response {
    readonly #bytes: ArrayBuffer | null;
    #used = false;
    #stream: ReadableStream<Uint8Array> | null | undefined;

    /** @param bytes - the whole body; null for none (204, 205, 304). */
    constructor(bytes: ArrayBuffer | null, init: ResponseInit) {
      super(null, init);
      this.#bytes = bytes;
    }

    /** The body bytes without reading them (the client runtime decodes these). */
    static bytesOf(response: Response): ArrayBuffer | null | undefined {
      return response instanceof BufferedResponse ? response.#bytes : undefined;
    }

    #take(): ArrayBuffer {
      if (this.#used || this.#stream?.locked) throw new TypeError('Body is unusable: Body has already been read');
      this.#used = true;
      return this.#bytes ?? new ArrayBuffer(0);
    }

    override async arrayBuffer(): Promise<ArrayBuffer> {
      return this.#take().slice(0);
    }

    override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return new Uint8Array(this.#take().slice(0));
    }

    override async text(): Promise<string> {
      return decoder.decode(this.#take());
    }

    override async json(): Promise<unknown> {
      return JSON.parse(await this.text()) as unknown;
    }

    override async blob(): Promise<Blob> {
      return new Blob([this.#take()], { type: this.headers.get('content-type') ?? '' });
    }

    override async formData(): Promise<FormData> {
      throw new TypeError('formData() is not supported on an azlro response');
    }

    override clone(): Response {
      if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
      return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers });
    }

    static {
      // `body` and `bodyUsed` are accessors of Response.prototype: redefined here, as TypeScript's
      // lib declares them as properties (which a subclass may not override with accessors).
      Object.defineProperties(BufferedResponse.prototype, {
        body: {
          configurable: true,
          get(this: BufferedResponse) {
            if (this.#stream === undefined) {
              const bytes = this.#bytes;
              this.#stream =
                bytes === null
                  ? null
                  : new ReadableStream<Uint8Array>({
                      start: (controller) => {
                        if (bytes.byteLength > 0) controller.enqueue(new Uint8Array(bytes.slice(0)));
                        controller.close();
                      },
                    });
            }
            return this.#stream;
          },
        },
        bodyUsed: {
          configurable: true,
          get(this: BufferedResponse) {
            return this.#used || (this.#stream?.locked ?? false);
          },
        },
      });
    }
};
}
