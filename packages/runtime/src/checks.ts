/** Checks request inputs against a model's own signature, with one typed error per kind of mistake. */
import { type DecodedTensorMap, type ModelSignature, VerityError } from '@verity/protocol';

export function checkInputs(signature: ModelSignature, inputs: DecodedTensorMap): void {
  const expected = new Map(signature.inputs.map((spec) => [spec.name, spec]));
  for (const name of Object.keys(inputs)) {
    if (!expected.has(name)) {
      throw new VerityError(
        'UNKNOWN_INPUT',
        `the model has no input "${name}"; its inputs are ${[...expected.keys()].map((n) => `"${n}"`).join(', ')}`,
        {
          details: { input: name, expected: [...expected.keys()] },
        },
      );
    }
  }
  for (const spec of signature.inputs) {
    const tensor = inputs[spec.name];
    if (!tensor) {
      throw new VerityError('MISSING_INPUT', `input "${spec.name}" is missing`, { details: { input: spec.name, spec } });
    }
    if (tensor.dtype !== spec.dtype) {
      throw new VerityError('DTYPE_MISMATCH', `input "${spec.name}" must be ${spec.dtype}, got ${tensor.dtype}`, {
        details: { input: spec.name, expected: spec.dtype, actual: tensor.dtype },
      });
    }
    // An empty shape in the signature means the model does not declare one.
    if (spec.shape.length > 0) {
      const fits =
        tensor.shape.length === spec.shape.length &&
        spec.shape.every((dim, i) => typeof dim !== 'number' || dim < 0 || dim === tensor.shape[i]);
      if (!fits) {
        const want = spec.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : (d ?? '?'))).join(', ');
        throw new VerityError(
          'SHAPE_MISMATCH',
          `input "${spec.name}" must have shape [${want}], got [${tensor.shape.join(', ')}]`,
          {
            details: { input: spec.name, expected: spec.shape, actual: tensor.shape },
          },
        );
      }
    }
    if (tensor.dtype === 'float32' || tensor.dtype === 'float64') {
      const data = tensor.data as Float32Array | Float64Array;
      for (let i = 0; i < data.length; i++) {
        if (!Number.isFinite(data[i])) {
          throw new VerityError('NON_FINITE_INPUT', `input "${spec.name}" has a non-finite value at element ${i}`, {
            details: { input: spec.name, index: i },
          });
        }
      }
    }
  }
}
