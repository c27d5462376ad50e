// The little of DER (X.690) needed to find fields of an X.509 certificate: a TLV's tag, where its value lies, and
// where the whole TLV ends.
export type Tlv = { tag: number; start: number; valueStart: number; end: number };

export function readTlv(der: Buffer, at: number): Tlv {
  const tag = der[at]!;
  let length = der[at + 1]!;
  let valueStart = at + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[valueStart + i]!;
    valueStart += octets;
  }
  const end = valueStart + length;
  if (end > der.length) throw new Error('DER value runs past its end');
  return { tag, start: at, valueStart, end };
}

// The TLVs directly inside a constructed one.
export function childrenOf(der: Buffer, parent: Tlv): Tlv[] {
  const children: Tlv[] = [];
  for (let at = parent.valueStart; at < parent.end; ) {
    const child = readTlv(der, at);
    children.push(child);
    at = child.end;
  }
  return children;
}
