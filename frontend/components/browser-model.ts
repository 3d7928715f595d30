/**
 * A project's own model, run in the learner's browser with TensorFlow.js on its WebAssembly
 * backend, so live webcam preview costs the server nothing. It reads the same TF.js files the
 * model export and share link serve (Teachable Machine's layout for photo projects), and prepares
 * a frame the way metadata.json says: square frame resized to the input size, then
 * value = (invert ? 255 - p : p) * scale + offset, grey from BT.601 luma if one channel.
 *
 * The .wasm files are bundled by the build and served by this app (no CDN). Loaded lazily: only
 * the Preview page's camera pulls this module, and tfjs with it, into the page.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// @ts-ignore Vite turns ?url imports into the address of the bundled file
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
// @ts-ignore
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
// @ts-ignore
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

interface InputSpec {
  size: number;
  channels: number;
  scale: number;
  offset: number;
  invert: boolean;
}

let backendReady: Promise<void> | undefined;

/** One WebAssembly thread: pages are not cross-origin isolated, so no SharedArrayBuffer. */
function wasmBackend(): Promise<void> {
  if (!backendReady) {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain as string,
      'tfjs-backend-wasm-simd.wasm': wasmSimd as string,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded as string,
    });
    backendReady = tf.setBackend('wasm').then((ok) => {
      if (!ok) {
        throw new Error('the WebAssembly backend did not start');
      }
      return tf.ready();
    });
  }
  return backendReady;
}

export class BrowserModel {
  private constructor(
    private readonly model: tfl.LayersModel,
    private readonly input: InputSpec,
  ) {}

  /** Loads {base}model.json, its weights and {base}metadata.json. */
  static async load(base: string): Promise<BrowserModel> {
    await wasmBackend();
    const metadata = await (await fetch(base + 'metadata.json', { cache: 'no-store' })).json();
    const model = await tfl.loadLayersModel(base + 'model.json');
    return new BrowserModel(model, BrowserModel.inputOf(metadata));
  }

  /** Teachable Machine's photo models say only imageSize; Teachbox's own kinds say everything. */
  private static inputOf(metadata: any): InputSpec {
    const i = metadata.input;
    if (i) {
      return { size: i.width, channels: i.channels, scale: i.scale, offset: i.offset, invert: !!i.invert };
    }
    return { size: metadata.imageSize ?? 224, channels: 3, scale: 1 / 127, offset: -1, invert: false };
  }

  /** Class probabilities for a square picture (a canvas the camera frame was drawn on). */
  predict(square: HTMLCanvasElement): number[] {
    const { size, channels, scale, offset, invert } = this.input;
    // functional ops: tfjs-core alone does not add the chained ones (x.mul) to tensors
    const probabilities = tf.tidy(() => {
      let x: tf.Tensor3D = tf.cast(tf.browser.fromPixels(square, 3), 'float32');
      if (x.shape[0] !== size || x.shape[1] !== size) {
        x = tf.image.resizeBilinear(x, [size, size]);
      }
      if (channels === 1) {
        x = tf.sum(tf.mul(x, tf.tensor1d([0.299, 0.587, 0.114])), -1, true);
      }
      if (invert) {
        x = tf.sub(tf.scalar(255), x);
      }
      const batch = tf.expandDims(tf.add(tf.mul(x, tf.scalar(scale)), tf.scalar(offset)), 0);
      return this.model.predict(batch) as tf.Tensor;
    });
    const values = Array.from(probabilities.dataSync());
    probabilities.dispose();
    return values;
  }

  dispose() {
    this.model.dispose();
  }
}
