/**
 * A readable plain-text form of a short TeX formula, for excerpts and metadata
 * where KaTeX cannot run ("\lambda \|w\|^2" -> "λ‖w‖^2"). Not a TeX renderer:
 * unknown commands lose their backslash and keep their name.
 */
const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  times: '×',
  cdot: '·',
  pm: '±',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  infty: '∞',
  sum: '∑',
  prod: '∏',
  int: '∫',
  partial: '∂',
  nabla: '∇',
  in: '∈',
  subset: '⊂',
  cup: '∪',
  cap: '∩',
  ldots: '…',
  cdots: '⋯',
  dots: '…',
  top: 'ᵀ',
  prime: '′',
  ell: 'ℓ',
  propto: '∝',
  sim: '∼',
  mid: '|',
  Vert: '‖',
  lVert: '‖',
  rVert: '‖',
};

const DROP = new Set([
  'left',
  'right',
  'middle',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'displaystyle',
  'textstyle',
  'limits',
  'nolimits',
  'quad',
  'qquad',
  'hat',
  'bar',
  'tilde',
]);

export function texToPlain(tex: string): string {
  return tex
    .replace(/\\\|/g, '‖')
    .replace(/\\([,;:! ])/g, ' ')
    .replace(/\\(?:frac|dfrac|tfrac)\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '($1)/($2)')
    .replace(/\\([A-Za-z]+)/g, (_, name: string) =>
      DROP.has(name) ? '' : (SYMBOLS[name] ?? (/^(?:math|text|operatorname|boldsymbol|bm)/.test(name) ? '' : name)),
    )
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
