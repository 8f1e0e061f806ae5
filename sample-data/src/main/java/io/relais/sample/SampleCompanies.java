package io.relais.sample;

import io.relais.common.Fields;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic French sample data for the benchmark and the duplicate-detection tests: company names with
 * accents and legal forms, valid SIREN/SIRET numbers (Luhn), phones, websites and people with e-mails, and
 * the variants duplicates come in (case and accents, legal form, typos, e-mail dots, phone formats).
 * Deterministic for a seed.
 */
public final class SampleCompanies {

    public record Company(String legalName, String siren, String siret, String phone, String website,
                          String postalCode, String city) {
    }

    public record Person(String firstName, String lastName, String email, String phone) {
    }

    private static final List<String> TRADES = List.of("Boulangerie", "Menuiserie", "Charpente", "Imprimerie",
            "Fromagerie", "Pâtisserie", "Plomberie", "Électricité", "Transports", "Garage", "Librairie",
            "Pharmacie", "Brasserie", "Cave", "Chocolaterie", "Serrurerie", "Maçonnerie", "Couverture",
            "Ébénisterie", "Tapisserie", "Horlogerie", "Bijouterie", "Quincaillerie", "Droguerie", "Laiterie",
            "Conserverie", "Distillerie", "Tonnellerie", "Verrerie", "Céramique", "Fonderie", "Chaudronnerie",
            "Mécanique", "Informatique", "Conseil", "Architecture", "Paysagisme", "Traiteur", "Hôtellerie",
            "Ambulances");
    private static final List<String> FAMILIES = List.of("Lefèvre", "Dupré", "Bélanger", "Rousseau", "Gérard",
            "Chevalier", "Lemaître", "Moreau", "Faure", "Benoît", "Mercier", "Blanchard", "Guérin", "Boyer",
            "Garnier", "Chauvin", "Lacroix", "Brunet", "Renaud", "Giraud", "Barbier", "Arnaud", "Rolland",
            "Perrin", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousset",
            "Vincent", "Muller", "Lefèbvre", "Leroy", "Roux", "David", "Bertrand", "Morin", "Clément", "Gauthier",
            "Dumont", "Lopez", "Masson", "Marchand", "Duval", "Denis", "Lemoine", "Picard", "Roger", "Meunier",
            "Jolly", "Caron", "Hébert", "Aubert", "Collin", "Carré", "Prévost", "Huet", "Lebrun", "Bouvier",
            "Noël", "Rémy", "Étienne", "Poirier", "Guillot", "Maréchal", "Hamon", "Leclerc", "Baron", "Tessier",
            "Rey", "Besnard", "Laurent", "Sabatier", "Cordier", "Fleury", "Brun", "Pelletier", "Bérard", "Vidal",
            "Charpentier", "Lecomte", "Bailly", "Gaillard", "Langlois", "Joly", "Rivière", "Rocher", "Devaux",
            "Hervé", "Langlais", "Ménard", "Pascal", "Perrot", "Thibault", "Chevallier", "Descamps", "Olivier",
            "Mathieu", "Bouchet", "Hubert", "Leblanc", "Bourgeois", "Brunel", "Colas", "Dufour", "Gilles",
            "Humbert", "Jacquet", "Lucas", "Marie", "Millet", "Paris", "Renard", "Royer", "Schmitt", "Weber");
    private static final List<String> CITIES = List.of("Lyon", "Villeurbanne", "Saint-Étienne", "Grenoble",
            "Annecy", "Chambéry", "Valence", "Clermont-Ferrand", "Dijon", "Besançon", "Mâcon", "Roanne",
            "Vienne", "Bourg-en-Bresse", "Montélimar", "Aix-les-Bains", "Villefranche", "Oyonnax", "Thonon",
            "Évian", "Nantes", "Rennes", "Angers", "Le Mans", "Tours", "Orléans", "Brest", "Quimper", "Lorient",
            "Vannes", "Bordeaux", "Pau", "Bayonne", "Périgueux", "Limoges", "Poitiers", "Niort", "La Rochelle",
            "Angoulême", "Agen");
    private static final List<String> FORMS = List.of("SARL", "SAS", "SA", "EURL", "& Fils", "et Associés");
    private static final List<String> FIRST_NAMES = List.of("Élodie", "Jérôme", "Zoé", "Hélène", "François",
            "Maëlle", "Anaïs", "Noël", "Loïc", "Chloé", "Benoît", "Agnès", "Clément", "Inès", "Théo", "Léa",
            "Mathéo", "Solène", "Gaëtan", "Camille", "Jean-Pierre", "Marie-Hélène", "Éric", "Océane", "Céline");

    private final Random random;

    public SampleCompanies(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Company {@code n}: a distinct trade and family name for every n below 4,800 (40 trades times 120
     * families); above that, the same pair recurs with another city, as namesakes do.
     */
    public Company company(int n) {
        String trade = TRADES.get(n % TRADES.size());
        String family = FAMILIES.get((n / TRADES.size()) % FAMILIES.size());
        int round = n / (TRADES.size() * FAMILIES.size());
        String city = CITIES.get((n + round) % CITIES.size());
        String name = trade + " " + family + (round == 0 ? "" : " " + city) + " " + FORMS.get(n % FORMS.size());
        String siren = withCheckDigit(String.format("%08d", 10_000_000 + (n * 7_919L) % 89_999_999));
        String siret = withCheckDigit(siren + String.format("%04d", 1 + n % 9_000));
        String slug = ascii(trade + "-" + family + (round == 0 ? "" : "-" + city)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        return new Company(name, siren, siret, String.format("04 %02d %02d %02d %02d", 10 + n % 90,
                (n / 90) % 100, (n / 9_000) % 100, random.nextInt(100)), "https://www." + slug + ".fr",
                String.format("%05d", 1_000 + (n * 37) % 94_000), city);
    }

    /** A person at {@code company}, with an e-mail at the company's domain. */
    public Person person(Company company, int n) {
        String first = FIRST_NAMES.get(n % FIRST_NAMES.size());
        String last = FAMILIES.get((n * 31 + 7) % FAMILIES.size());
        String domain = company.website().replace("https://www.", "");
        String email = ascii(first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]+", "") + "@" + domain;
        return new Person(first, last, email, String.format("06 %02d %02d %02d %02d", random.nextInt(100),
                random.nextInt(100), random.nextInt(100), random.nextInt(100)));
    }

    /** The name as a careless import writes it: upper case, without accents. */
    public static String shouted(String name) {
        return ascii(name).toUpperCase(Locale.ROOT);
    }

    /** The name without its legal form. */
    public static String withoutLegalForm(String name) {
        for (String form : FORMS) {
            if (name.endsWith(" " + form)) {
                return name.substring(0, name.length() - form.length() - 1);
            }
        }
        return name;
    }

    /** A typing slip: the two letters at {@code position} swapped. */
    public static String typo(String name, int position) {
        char[] letters = name.toCharArray();
        char swapped = letters[position];
        letters[position] = letters[position + 1];
        letters[position + 1] = swapped;
        return new String(letters);
    }

    /** The same mailbox written differently: capitals, and without the dot between first and last name. */
    public static String emailVariant(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at).replace(".", "");
        return Character.toUpperCase(local.charAt(0)) + local.substring(1) + email.substring(at).toUpperCase(Locale.ROOT);
    }

    /** The same phone number in international form. */
    public static String internationalPhone(String phone) {
        return "+33 " + phone.substring(1);
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /** Appends the digit that makes the number pass the Luhn check. */
    private static String withCheckDigit(String digits) {
        for (int check = 0; check < 10; check++) {
            String candidate = digits + check;
            if (Fields.luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No Luhn check digit for " + digits);
    }
}
