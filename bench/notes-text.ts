/**
 * Made-up guidance notes in Finnish, Swedish and English for the search benchmark: sentences of the kind
 * caseworkers write, with the programme's vocabulary, drawn by a seeded generator so every run builds the same
 * vault. No real person is described.
 */

const FI = [
  'Kävimme läpi ansioluettelon ja päivitimme työkokemuksen.',
  'Osallistuja kertoi, että työnhaku tuntuu raskaalta, mutta hän jaksaa jatkaa.',
  'Suomen kielen kurssi alkaa ensi kuussa, ja hän on ilmoittautunut iltaryhmään.',
  'Harjoittelimme työhaastattelua ja puhuimme omista vahvuuksista.',
  'Hän haluaa selvittää, mitä työehtosopimus tarkoittaa siivousalalla.',
  'Puhuimme palkkakuitista ja verokortista; hän ymmärtää nyt, mistä vähennykset tulevat.',
  'Sovimme, että hän käy TE-palveluissa ennen seuraavaa tapaamista.',
  'Asuntoasiat ovat edelleen auki, ja vuokranantajan kanssa on ollut vaikeuksia.',
  'Hän on ollut väsynyt ja nukkunut huonosti, joten puhuimme levon tärkeydestä.',
  'Digitaidot ovat kehittyneet: sähköposti ja verkkopankki onnistuvat jo itsenäisesti.',
  'Yritysvierailu kauppakeskukseen herätti kiinnostuksen myyntityöhön.',
  'Ura- ja opintosuunnitelmaan lisättiin lähihoitajan koulutus vaihtoehdoksi.',
  'Hän kertoi olevansa ylpeä siitä, että uskalsi soittaa työnantajalle itse.',
  'Tulkki oli mukana puhelimessa, ja keskustelu sujui hyvin.',
  'Kävimme yhdessä työpaikkailmoituksia läpi ja valitsimme kolme haettavaa paikkaa.',
  'Hän sai kutsun haastatteluun ravintola-alan yritykseen.',
  'Keskustelimme työsuojelusta ja siitä, kenen puoleen voi kääntyä ongelmissa.',
  'Itseluottamus on kasvanut ryhmän myötä, ja hän puhuu jo ryhmässä suomea.',
  'Terveyskeskuksen ajanvaraus tehtiin yhdessä, koska puhelinpalvelu oli vaikea.',
  'Kotikäynnillä sovittiin arjen rytmistä ja kauppalistan tekemisestä.',
  'Ryhmän jälkeen käytiin läpi viikon kotitehtävät ja kielen sanasto.',
  'Hän haluaisi oppia lisää ammattiliiton jäsenyydestä ja työttömyyskassasta.',
  'Työkokeilu varastossa alkaa maanantaina kello kahdeksan.',
  'Hän toivoo, että pääsisi opiskelemaan IT-tukihenkilöksi.',
];
const SV = [
  'Vi gick igenom meritförteckningen och uppdaterade arbetslivserfarenheten.',
  'Deltagaren berättade att jobbsökandet känns tungt men att hon fortsätter.',
  'Svenska språket går framåt, och hon övar varje dag med appen.',
  'Vi övade på en anställningsintervju och pratade om styrkor.',
  'Hon vill förstå vad kollektivavtalet innebär inom städbranschen.',
  'Vi pratade om lönespecifikationen och skattekortet.',
  'Företagsbesöket väckte intresse för arbete inom handeln.',
  'Karriär- och studieplanen kompletterades med en utbildning till närvårdare.',
  'Tolken deltog per telefon och samtalet gick bra.',
  'Hembesöket handlade om vardagens rutiner och ekonomi.',
  'Hon har fått en kallelse till intervju på ett café i centrum.',
  'Självförtroendet har vuxit och hon talar redan i gruppen.',
];
const EN = [
  'We went through the CV and updated the work history.',
  'The participant said that looking for work feels heavy, but she keeps going.',
  'The Finnish course starts next month and he has signed up for the evening group.',
  'We practised a job interview and talked about strengths.',
  'He wants to understand what the collective agreement means in the cleaning sector.',
  'We talked about the payslip and the tax card; the deductions are clear now.',
  'The company visit raised an interest in retail work.',
  'A practical nurse course was added to the career and study plan as an option.',
  'The interpreter joined by phone and the conversation went well.',
  'During the home visit we agreed on a daily routine and a shopping list.',
  'She was invited to an interview at a restaurant.',
  'Self-confidence has grown with the group and she already speaks Finnish there.',
  'We booked a health centre appointment together because the phone service was hard to use.',
  'He would like to learn more about union membership and the unemployment fund.',
];
const PLACES = ['Espoossa', 'Vantaalla', 'Tampereella', 'Turussa', 'Helsingissä', 'Oulussa', 'Lahdessa', 'Porvoossa'];

/** The rare word planted in about one note in 20,000, for the "rare word" search. */
export const RARE_WORD = 'kalastusalus';

export type NoteLanguage = 'fi' | 'sv' | 'en';

/** One note's text: a few sentences of one language, sometimes a long one. */
export function noteText(random: () => number): { language: NoteLanguage; text: string } {
  const roll = random();
  const language: NoteLanguage = roll < 0.5 ? 'fi' : roll < 0.7 ? 'sv' : 'en';
  const pool = language === 'fi' ? FI : language === 'sv' ? SV : EN;
  const long = random() < 0.05;
  const sentences = long ? 20 + Math.floor(random() * 30) : 2 + Math.floor(random() * 8);
  const parts: string[] = [];
  for (let i = 0; i < sentences; i += 1) parts.push(pool[Math.floor(random() * pool.length)] ?? '');
  if (language === 'fi' && random() < 0.3) parts.push(`Tapaaminen ${PLACES[Math.floor(random() * PLACES.length)]}.`);
  if (random() < 1 / 20_000) parts.push(`Aiempi työ: ${RARE_WORD} Atlantilla.`);
  return { language, text: parts.join(random() < 0.3 ? '\n' : ' ') };
}
