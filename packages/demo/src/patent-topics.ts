/**
 * What synthetic patents are about: the words of the demo's marketplace offers and needs (battery sensors,
 * resilient grids, polymer coatings and recycling catalysts, membrane sensors, vaccine cold chains) and of the
 * works' titles (networks, alloys, enzymes, soils), each with the CPC groups such inventions are filed under.
 * None of it describes a real invention.
 */
export interface PatentTopic {
  /** Head nouns of a title: `Robust sensors for ...`. */
  readonly nouns: readonly string[]
  /** What the invention is for: `... for battery degradation monitoring`. */
  readonly purposes: readonly string[]
  /** A sentence an abstract closes with. */
  readonly claims: readonly string[]
  /** CPC groups, the first the main one. */
  readonly cpc: readonly string[]
}

const topic = (t: PatentTopic): PatentTopic => Object.freeze(t)

export const PATENT_TOPICS: readonly PatentTopic[] = Object.freeze([
  topic({
    nouns: ['sensors', 'circuits', 'signals'],
    purposes: [
      'battery degradation monitoring',
      'tracking battery ageing in storage systems',
      'the state of health of batteries in the field',
    ],
    claims: [
      'Printed sensors follow temperature and strain of each cell so degradation is seen before the batteries fail.',
      'A drift-compensated circuit keeps the sensors calibrated over the service life of the batteries.',
    ],
    cpc: ['H01M10/48', 'G01R31/36', 'G01R31/392'],
  }),
  topic({
    nouns: ['grids', 'networks', 'algorithms'],
    purposes: [
      'resilient distributed power grids',
      'fault isolation in distributed grids',
      'load balancing across regional grids',
    ],
    claims: [
      'Distributed controllers isolate faults so that the grid stays resilient when a line is lost.',
      'A hierarchical scheme balances distributed generation and storage across the grid.',
    ],
    cpc: ['H02J3/00', 'H02J13/00', 'H02J3/38'],
  }),
  topic({
    nouns: ['coatings', 'polymers', 'films'],
    purposes: [
      'corrosion protection of alloys',
      'polymer coatings on metal interfaces',
      'scratch-resistant polymer coatings',
    ],
    claims: [
      'A cross-linked polymer coating bonds to the metal interface and keeps out water and salt.',
      'The coatings cure at room temperature and can be applied by a distributor on site.',
    ],
    cpc: ['C09D5/08', 'C09D175/04', 'B05D7/14'],
  }),
  topic({
    nouns: ['catalysts', 'enzymes', 'processes'],
    purposes: [
      'low-temperature polymer recycling',
      'breaking mixed polymer waste into monomers',
      'selective depolymerisation of polymers',
    ],
    claims: [
      'Selective catalysts break polymers into monomers at 150 °C, with half the energy of thermal recycling.',
      'The catalysts work on mixed polymer waste and are recovered after each recycling batch.',
    ],
    cpc: ['B01J23/00', 'C08J11/10', 'C08J11/16'],
  }),
  topic({
    nouns: ['membranes', 'coatings', 'electrodes'],
    purposes: [
      'selective chemical sensors',
      'stable ion-selective electrodes',
      'membrane-coated chemical sensors',
    ],
    claims: [
      'A thin anisotropic membrane coating makes the chemical sensors selective and keeps their calibration.',
      'The membranes are cast on the electrodes in one step and resist fouling.',
    ],
    cpc: ['G01N27/333', 'B01D69/12', 'G01N27/30'],
  }),
  topic({
    nouns: ['sensors', 'indicators', 'containers'],
    purposes: [
      'vaccine cold-chain monitoring',
      'temperature logging of vaccines in transit',
      'climate-chamber testing of cold-chain sensors',
    ],
    claims: [
      'Wireless sensors log the temperature of each vaccine container and flag any break in the cold chain.',
      'A test rig cycles cold-chain sensors through climate-chamber profiles in two weeks.',
    ],
    cpc: ['G01K1/02', 'F25D29/00', 'A61J1/16'],
  }),
  topic({
    nouns: ['alloys', 'crystals', 'lattices'],
    purposes: ['lightweight structural parts', 'high-temperature turbine blades', 'additive manufacturing'],
    claims: [
      'A heat treatment refines the crystals of the alloys and doubles their fatigue life.',
      'Lattices printed from the alloys carry the same load at a third of the mass.',
    ],
    cpc: ['C22C21/00', 'C22F1/04', 'B33Y70/00'],
  }),
  topic({
    nouns: ['algorithms', 'embeddings', 'models'],
    purposes: [
      'sparse signal recovery',
      'forecasting demand in networks',
      'anomaly detection in sensor data',
    ],
    claims: [
      'Latent embeddings learned from sparse signals let the models detect anomalies early.',
      'The algorithms run on the sensor node and send only what changed.',
    ],
    cpc: ['G06N3/08', 'G06F17/18', 'G06N20/00'],
  }),
  topic({
    nouns: ['sensors', 'models', 'probes'],
    purposes: ['soil moisture mapping', 'aquifer recharge monitoring', 'river sediment sampling'],
    claims: [
      'Buried probes and a spatial model map the moisture of soils and the recharge of aquifers.',
      'The sensors sample sediments of rivers without disturbing the bed.',
    ],
    cpc: ['G01N33/24', 'E21B49/00', 'G01N1/10'],
  }),
  topic({
    nouns: ['enzymes', 'proteins', 'vaccines'],
    purposes: ['stable vaccine formulations', 'targeted genome editing', 'receptor-binding assays'],
    claims: [
      'Engineered enzymes keep the proteins of the vaccines stable without a cold chain.',
      'A modular protein scaffold binds the receptors selectively.',
    ],
    cpc: ['A61K39/00', 'C12N9/22', 'G01N33/68'],
  }),
])
