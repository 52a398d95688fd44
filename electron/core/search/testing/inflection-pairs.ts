/**
 * Words a caseworker searches for and notes that hold them only in another inflected form, in Finnish, Swedish and
 * English: the measure of how well search understands inflection (search/inflection.test.ts).
 */
export interface InflectionPair {
  language: 'fi' | 'sv' | 'en';
  /** What is typed, ended with a space (a whole word). */
  query: string;
  /** A note that holds the word only inflected. */
  note: string;
}

const pair = (language: InflectionPair['language']) => (query: string, note: string) => ({ language, query, note });
const fi = pair('fi');
const sv = pair('sv');
const en = pair('en');

export const INFLECTION_PAIRS: readonly InflectionPair[] = [
  fi('työsopimus', 'Kävimme läpi työsopimuksen ehdot ja koeajan pituuden.'),
  fi('työsopimuksen', 'Hän allekirjoitti työsopimus-paperin, mutta työsopimusta ei ole vielä palautettu.'),
  fi('tulkki', 'Tapaamisessa ei ollut tulkkia, joten sovimme uuden ajan tulkin kanssa.'),
  fi('tulkin', 'Puhelu hoidettiin tulkille soittamalla.'),
  fi('asunto', 'Asunnon vuokrasopimus päättyy ensi kuussa.'),
  fi('asunnon', 'Hän etsii asuntoa pääkaupunkiseudulta.'),
  fi('lääkäri', 'Aika lääkärille varattiin tiistaiksi.'),
  fi('lääkärin', 'Lääkäri kirjoitti sairauslomaa viikon.'),
  fi('kela', 'Kelalta tuli päätös toimeentulotuesta.'),
  fi('kelan', 'Asiakas asioi Kelassa tänään itse.'),
  fi('palkka', 'Palkan maksu on myöhässä kaksi viikkoa.'),
  fi('palkat', 'Työnantaja ei maksanut palkkaa joulukuulta.'),
  fi('pankki', 'Pankin kanssa selvitettiin tilin avaamista.'),
  fi('pankkiin', 'Pankissa vaadittiin passi henkilöllisyyden todistamiseksi.'),
  fi('vuokra', 'Vuokran maksu siirtyy sosiaalitoimelle.'),
  fi('sairaala', 'Hän oli sairaalassa kolme päivää.'),
  fi('poliisi', 'Poliisille tehtiin rikosilmoitus maanantaina.'),
  fi('poliisin', 'Poliisi haluaa kuulla häntä uudelleen.'),
  fi('passi', 'Passin uusiminen on kesken.'),
  fi('oleskelulupa', 'Oleskeluluvan jatkohakemus jätettiin Migrille.'),
  fi('oleskeluluvan', 'Hänellä on voimassa oleva oleskelulupa vuoden loppuun.'),
  fi('kurssi', 'Hän ilmoittautui kurssille, joka alkaa syyskuussa.'),
  fi('koulutus', 'Koulutuksen hakuaika päättyy perjantaina.'),
  fi('työpaikka', 'Uuden työpaikan haastattelu meni hyvin.'),
  fi('työpaikan', 'Työpaikassa on ollut hankaluuksia esimiehen kanssa.'),
  fi('lapsi', 'Lapsen päivähoitopaikka järjestyi.'),
  fi('lapset', 'Lapsilla on koulun terveystarkastus.'),
  fi('hakemus', 'Hakemuksen liitteet puuttuvat vielä.'),
  fi('hakemukset', 'Jätimme hakemuksen työkkäriin.'),
  fi('ihminen', 'Hän kertoi, että ihmisen kauppaamisesta epäillään entistä työnantajaa.'),
  fi('nainen', 'Naisen kanssa sovittiin seuraava tapaaminen.'),
  fi('käsi', 'Käden vamma on parantunut hitaasti.'),
  fi('velka', 'Velan takaisinmaksusta on tehty suunnitelma.'),
  fi('opettaja', 'Opettajan kanssa keskusteltiin suomen kielen tasosta.'),
  fi('kieli', 'Kielen oppiminen sujuu hyvin.'),
  fi('terapia', 'Terapiaan pääsy vaatii lähetteen.'),
  fi('todistus', 'Todistuksen kopio toimitettiin oppilaitokselle.'),
  fi('työnantaja', 'Työnantajalta ei ole kuulunut mitään.'),
  fi('sosiaalityöntekijä', 'Sosiaalityöntekijän kanssa pidettiin yhteispalaveri.'),
  fi('kokous', 'Kokouksessa sovittiin tukitoimista.'),
  fi('puhelin', 'Puhelimen akku on rikki, joten häntä ei tavoittanut.'),
  fi('äiti', 'Äidin terveydentila huolestuttaa häntä.'),
  fi('raha', 'Rahat loppuivat kuun puolivälissä.'),
  fi('ruoka', 'Ruoan hankinnassa autettiin ruoka-avun kautta.'),
  fi('lupa', 'Luvan käsittely kestää puoli vuotta.'),
  sv('arbetsavtal', 'Vi gick igenom arbetsavtalet tillsammans.'),
  sv('tolk', 'Tolken kom en halvtimme för sent.'),
  sv('tolkar', 'Hon ville ha en kvinnlig tolk nästa gång.'),
  sv('bostad', 'Bostaden ligger nära stationen.'),
  sv('läkare', 'Läkaren skrev ut medicin.'),
  sv('lön', 'Lönen har inte betalats ut.'),
  sv('arbetsgivare', 'Arbetsgivaren vägrar betala övertid.'),
  sv('ansökan', 'Ansökningar om uppehållstillstånd tar tid.'),
  sv('barn', 'Barnen börjar skolan i augusti.'),
  sv('kurs', 'Hon deltar i kursen varje tisdag.'),
  sv('polis', 'Polisen har kontaktat henne igen.'),
  sv('möte', 'Mötet flyttades till torsdag.'),
  en('contract', 'She signed two contracts with the agency.'),
  en('interpreter', 'The session used interpreting over the phone.'),
  en('housing', 'The houses in the area are expensive.'),
  en('rent', 'He is renting a room from a relative.'),
  en('doctor', 'Two doctors saw her at the clinic.'),
  en('employer', 'Both employers withheld her passport.'),
  en('application', 'The applications were submitted on Monday.'),
  en('meeting', 'We met the lawyer after the meetings.'),
  en('payment', 'The payments stopped in March.'),
  en('child', 'Her children are staying with an aunt.'),
];
