package io.salesbi.generator;

/** The product groups (Warengruppen) of the demo catalogue: price range, margin range, order quantities, names. */
enum ProductCategory {
    ANTRIEBSTECHNIK(
            "Antriebstechnik",
            70,
            150,
            4500,
            0.25,
            0.45,
            1,
            4,
            new String[] {
                "Getriebemotor",
                "Servomotor",
                "Frequenzumrichter",
                "Drehstrommotor",
                "Planetengetriebe",
                "Stirnradgetriebe",
                "Linearantrieb",
                "Kegelradgetriebe"
            },
            new String[] {"0,37 kW", "0,75 kW", "1,5 kW", "3,0 kW", "5,5 kW", "11 kW", "IE3", "IP65"}),
    STEUERUNGSTECHNIK(
            "Steuerungstechnik",
            55,
            60,
            3500,
            0.30,
            0.55,
            1,
            4,
            new String[] {
                "SPS-Steuerung",
                "E/A-Modul",
                "Bedienpanel",
                "Sicherheitssteuerung",
                "Buskoppler",
                "Motorstarter",
                "Achscontroller"
            },
            new String[] {"24 V DC", "16 DI", "8 DO", "7 Zoll", "PROFINET", "EtherCAT", "CANopen"}),
    SENSORIK(
            "Sensorik",
            55,
            25,
            950,
            0.35,
            0.55,
            1,
            12,
            new String[] {
                "Drehgeber",
                "Näherungsschalter",
                "Lichtschranke",
                "Drucksensor",
                "Temperaturfühler",
                "Lasersensor",
                "Neigungssensor"
            },
            new String[] {"M12", "M18", "IO-Link", "PNP", "4-20 mA", "IP67", "absolut"}),
    VERBINDUNGSTECHNIK(
            "Verbindungstechnik",
            55,
            2.5,
            180,
            0.30,
            0.50,
            5,
            100,
            new String[] {
                "Motorleitung", "Steckverbinder", "Busleitung", "Kabelverschraubung", "Klemmenblock", "Geberleitung"
            },
            new String[] {"4G1,5", "4G2,5", "M12 5-polig", "M23", "schleppkettenfähig", "geschirmt"}),
    ERSATZTEILE(
            "Ersatzteile",
            45,
            6,
            480,
            0.30,
            0.55,
            1,
            12,
            new String[] {
                "Wälzlager",
                "Wellendichtring",
                "Federdruckbremse",
                "Lüfterhaube",
                "Kupplung",
                "Getriebeöl 5 l",
                "Kohlebürstensatz"
            },
            new String[] {"Gr. 1", "Gr. 2", "Gr. 3", "verstärkt", "Standard"}),
    SERVICE(
            "Service",
            20,
            95,
            2800,
            0.35,
            0.55,
            1,
            16,
            new String[] {"Inbetriebnahme", "Wartung", "Reparatur", "Schulung", "Ferndiagnose"},
            new String[] {"vor Ort", "Werkstatt", "remote", "Pauschale"});

    final String label;
    final int productCount;
    final double priceLo;
    final double priceHi;
    final double marginLo;
    final double marginHi;
    final int quantityLo;
    final int quantityHi;
    final String[] baseNames;
    final String[] suffixes;

    ProductCategory(
            String label,
            int productCount,
            double priceLo,
            double priceHi,
            double marginLo,
            double marginHi,
            int quantityLo,
            int quantityHi,
            String[] baseNames,
            String[] suffixes) {
        this.label = label;
        this.productCount = productCount;
        this.priceLo = priceLo;
        this.priceHi = priceHi;
        this.marginLo = marginLo;
        this.marginHi = marginHi;
        this.quantityLo = quantityLo;
        this.quantityHi = quantityHi;
        this.baseNames = baseNames;
        this.suffixes = suffixes;
    }
}
